import { describe, expect, it } from "vitest";
import { BridgeClient, BridgeError } from "./client";
import type { ConnectionState, Transport } from "./transport";

/** A transport the test plays the plugin on. */
class LoopTransport implements Transport {
  state: ConnectionState = "connected";
  sent: string[] = [];
  private messageListener: (message: unknown) => void = () => undefined;
  private stateListener: (state: ConnectionState) => void = () => undefined;
  send(text: string): void {
    this.sent.push(text);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.messageListener = listener;
  }
  onStateChange(listener: (state: ConnectionState) => void): void {
    this.stateListener = listener;
  }
  close(): void {}
  deliver(message: unknown): void {
    this.messageListener(message);
  }
  drop(): void {
    this.state = "disconnected";
    this.stateListener("disconnected");
  }
}

describe("BridgeClient", () => {
  it("matches replies to requests by id", async () => {
    const transport = new LoopTransport();
    const client = new BridgeClient(transport);
    const first = client.request("value.format", { id: "gain", value: -6 });
    const second = client.request("value.parse", { id: "gain", text: "-3" });
    const ids = transport.sent.map((text) => (JSON.parse(text) as { id: number }).id);
    transport.deliver({ jsonrpc: "2.0", id: ids[1], result: { value: -3 } });
    transport.deliver({ jsonrpc: "2.0", id: ids[0], result: { text: "-6.0 dB" } });
    expect(await first).toEqual({ text: "-6.0 dB" });
    expect(await second).toEqual({ value: -3 });
  });

  it("rejects with the plugin's error", async () => {
    const transport = new LoopTransport();
    const client = new BridgeClient(transport);
    const request = client.request("parameter.set", { id: "gian", value: 1 });
    transport.deliver({
      jsonrpc: "2.0",
      id: 1,
      error: { code: -32602, message: "unknown parameter 'gian'" },
    });
    await expect(request).rejects.toEqual(new BridgeError(-32602, "unknown parameter 'gian'"));
  });

  it("hands notifications to their listeners and ignores junk", () => {
    const transport = new LoopTransport();
    const client = new BridgeClient(transport);
    const seen: number[] = [];
    client.on("parameter.changed", ({ value }) => seen.push(value));
    transport.deliver("junk");
    transport.deliver(null);
    transport.deliver({ jsonrpc: "2.0", id: 99, result: {} });
    transport.deliver({ jsonrpc: "2.0", method: "parameter.changed", params: { id: "gain", value: 3 } });
    expect(seen).toEqual([3]);
  });

  it("fails pending requests when the connection drops", async () => {
    const transport = new LoopTransport();
    const client = new BridgeClient(transport);
    const request = client.request("parameters.list", {});
    transport.drop();
    await expect(request).rejects.toBeInstanceOf(BridgeError);
  });
});
