import type { BridgeErrorBody, Methods, MethodName, Notifications, NotificationName } from "./schema";
import type { Transport } from "./transport";

/** A request the plugin refused: its JSON-RPC code and plain message. */
export class BridgeError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "BridgeError";
  }
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

type NotificationListener<N extends NotificationName> = (params: Notifications[N]) => void;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON-RPC 2.0 over any transport, typed by the bridge's schema. */
export class BridgeClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<NotificationName, Set<(params: never) => void>>();

  constructor(readonly transport: Transport) {
    transport.onMessage((message) => this.receive(message));
    transport.onStateChange((state) => {
      if (state === "connected") return;
      // Replies will never come over a lost connection.
      for (const request of this.pending.values()) request.reject(new BridgeError(-1, "disconnected"));
      this.pending.clear();
    });
  }

  request<M extends MethodName>(method: M, params: Methods[M]["params"]): Promise<Methods[M]["result"]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      this.transport.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    });
  }

  /** A request whose reply nobody waits for (JSON-RPC notification). */
  notify<M extends MethodName>(method: M, params: Methods[M]["params"]): void {
    this.transport.send(JSON.stringify({ jsonrpc: "2.0", method, params }));
  }

  on<N extends NotificationName>(name: N, listener: NotificationListener<N>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as (params: never) => void);
    return () => set.delete(listener as (params: never) => void);
  }

  private receive(message: unknown): void {
    if (Array.isArray(message)) {
      for (const item of message) this.receive(item);
      return;
    }
    if (!isObject(message)) return;
    if (typeof message["method"] === "string") {
      const set = this.listeners.get(message["method"] as NotificationName);
      for (const listener of set ?? []) (listener as (params: unknown) => void)(message["params"]);
      return;
    }
    const id = message["id"];
    const request = typeof id === "number" ? this.pending.get(id) : undefined;
    if (!request || typeof id !== "number") return;
    this.pending.delete(id);
    if (isObject(message["error"])) {
      const error = message["error"] as unknown as BridgeErrorBody;
      request.reject(new BridgeError(error.code, error.message));
    } else {
      request.resolve(message["result"]);
    }
  }
}
