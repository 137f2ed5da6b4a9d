import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { BridgeClient } from "./bridge/client";
import { PluginState } from "./bridge/pluginState";
import type { MeterChannel, Parameter } from "./bridge/schema";
import type { ConnectionState, Transport } from "./bridge/transport";
import { hasWebViewBridge, WebViewTransport } from "./bridge/webViewTransport";
import { WebSocketTransport } from "./bridge/webSocketTransport";
import type { ParameterId } from "./parameterIds";

interface Bridge {
  client: BridgeClient;
  state: PluginState;
}

const BridgeContext = createContext<Bridge | null>(null);

/** The transport this page runs on: the plugin's web view when the helper
 * put one on the page, else a WebSocket to the engine named in the page's
 * address (?ws=ws://127.0.0.1:PORT/&token=…, the dev mode). */
export function defaultTransport(): Transport {
  if (hasWebViewBridge()) return new WebViewTransport();
  const query = new URLSearchParams(window.location.search);
  const url = new URL(query.get("ws") ?? "ws://127.0.0.1:9300/");
  const token = query.get("token");
  if (token !== null) url.searchParams.set("token", token);
  return new WebSocketTransport(url.toString());
}

export function BridgeProvider(props: { transport?: Transport; children: ReactNode }): JSX.Element {
  const bridge = useMemo(() => {
    const client = new BridgeClient(props.transport ?? defaultTransport());
    return { client, state: new PluginState(client) };
  }, [props.transport]);
  return <BridgeContext.Provider value={bridge}>{props.children}</BridgeContext.Provider>;
}

export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error("VstKit hooks need a <BridgeProvider> around the page");
  return bridge;
}

function useSnapshot() {
  const { state } = useBridge();
  return useSyncExternalStore(state.subscribe, () => state.current);
}

/** Every row of the plugin's table with its current value. */
export function useParameters(): readonly Parameter[] {
  return useSnapshot().parameters;
}

export function useMeters(): readonly MeterChannel[] {
  return useSnapshot().meters;
}

export function useConnection(): ConnectionState {
  return useSnapshot().connection;
}

export interface ParameterHandle {
  parameter: Parameter | undefined;
  /** Sets a plain value; inside begin/end it is part of one automation pass. */
  set(value: number): void;
  begin(): void;
  end(): void;
  format(value: number): Promise<string>;
  /** The typed text as a value, or null when the plugin cannot read it. */
  parse(text: string): Promise<number | null>;
}

/** One row of the table, by its id, and what the page can do with it. */
export function useParameter(id: ParameterId): ParameterHandle {
  const { client, state } = useBridge();
  const parameter = useParameters().find((row) => row.id === id);
  return useMemo(
    () => ({
      parameter,
      set(value: number) {
        state.setValue(id, value);
        client.request("parameter.set", { id, value }).then(
          (applied) => state.setValue(id, applied.value),
          () => undefined,
        );
      },
      begin: () => client.notify("gesture.begin", { id }),
      end: () => client.notify("gesture.end", { id }),
      format: async (value: number) => (await client.request("value.format", { id, value })).text,
      parse: async (text: string) => {
        try {
          return (await client.request("value.parse", { id, text })).value;
        } catch {
          return null;
        }
      },
    }),
    [client, state, id, parameter],
  );
}
