import type { ConnectionState, Transport } from "./transport";

const firstRetryMs = 250;
const longestRetryMs = 5000;

/** A WebSocket to the engine (dev mode), reconnecting with backoff: 250 ms,
 * doubling up to 5 s, back to 250 ms once connected. Messages sent while
 * disconnected are dropped; the client asks for the table again on reconnect. */
export class WebSocketTransport implements Transport {
  private socket: WebSocket | null = null;
  private retryMs = firstRetryMs;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private currentState: ConnectionState = "connecting";
  private readonly messageListeners: ((message: unknown) => void)[] = [];
  private readonly stateListeners: ((state: ConnectionState) => void)[] = [];

  constructor(private readonly url: string) {
    this.connect();
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  send(text: string): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(text);
  }

  onMessage(listener: (message: unknown) => void): void {
    this.messageListeners.push(listener);
  }

  onStateChange(listener: (state: ConnectionState) => void): void {
    this.stateListeners.push(listener);
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.socket?.close();
  }

  private setState(state: ConnectionState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = firstRetryMs;
      this.setState("connected");
    };
    socket.onmessage = (event: MessageEvent<unknown>) => {
      if (typeof event.data !== "string") return;
      let message: unknown;
      try {
        message = JSON.parse(event.data);
      } catch {
        return; // Not ours to answer: the engine only sends JSON.
      }
      for (const listener of this.messageListeners) listener(message);
    };
    socket.onclose = () => {
      if (this.closed) return;
      this.setState("disconnected");
      this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, longestRetryMs);
    };
  }
}
