/** Where the bridge's messages travel: the plugin's web view, or a WebSocket
 * to the engine in dev mode. A transport carries JSON text both ways. */
export type ConnectionState = "connecting" | "connected" | "disconnected";

export interface Transport {
  send(text: string): void;
  /** Each message from the plugin, parsed. */
  onMessage(listener: (message: unknown) => void): void;
  onStateChange(listener: (state: ConnectionState) => void): void;
  readonly state: ConnectionState;
  close(): void;
}
