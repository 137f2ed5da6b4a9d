import type { BridgeClient } from "./client";
import type { ConnectionState } from "./transport";
import type { MeterChannel, Parameter } from "./schema";

export interface Snapshot {
  connection: ConnectionState;
  parameters: readonly Parameter[];
  meters: readonly MeterChannel[];
}

/** What the page knows of the plugin: the table with current values, the
 * meters and the connection, kept up to date from the bridge's
 * notifications, with a subscription for React (useSyncExternalStore). */
export class PluginState {
  private snapshot: Snapshot;
  private readonly subscribers = new Set<() => void>();

  constructor(private readonly client: BridgeClient) {
    this.snapshot = { connection: client.transport.state, parameters: [], meters: [] };
    client.on("parameter.changed", ({ id, value }) => this.setValue(id, value));
    client.on("meters", ({ channels }) => this.update({ meters: channels }));
    client.transport.onStateChange((connection) => {
      this.update({ connection });
      if (connection === "connected") void this.load();
    });
    if (client.transport.state === "connected") void this.load();
  }

  /** Asks for the table (again: after a reconnect the engine may be new). */
  async load(): Promise<void> {
    const { parameters } = await this.client.request("parameters.list", {});
    this.update({ parameters });
  }

  get current(): Snapshot {
    return this.snapshot;
  }

  subscribe = (subscriber: () => void): (() => void) => {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  };

  /** Shows a value at once (the page's own edit), before the plugin confirms it. */
  setValue(id: string, value: number): void {
    const parameters = this.snapshot.parameters.map((row) => (row.id === id ? { ...row, value } : row));
    this.update({ parameters });
  }

  private update(change: Partial<Snapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const subscriber of this.subscribers) subscriber();
  }
}
