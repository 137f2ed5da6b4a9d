// The browser dev mode as tests drive it: the plugin's real engine (its
// standalone app, --no-window --ws-port) and Vite's dev server on a copy of
// the plugin's page, as `./vstkit dev` runs them, plus bridge clients of
// its own. For Playwright tests of a plugin's page; Node only.
//
// Vite and ws come from the test's own project (passed in), never imported
// here: in a project made with `./vstkit new --ui web` this file lives in the
// installed kit, where neither package is.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { join } from "node:path";
import type { InlineConfig, ViteDevServer } from "vite";
import type WebSocket from "ws";

/** ws's WebSocket class. */
export type WebSocketClass = typeof WebSocket;

export interface DevSessionOptions {
  /** The plugin's standalone app. */
  engine: string;
  /** The plugin's page (package.json, index.html, src/). */
  uiDir: string;
  /** A folder inside the npm root (so the copy of the page finds node_modules). */
  scratchDir: string;
  /** What the engine plays: tone, noise or a WAV file. */
  input?: string;
  /** Vite's createServer, from the test's project. */
  createViteServer: (config: InlineConfig) => Promise<ViteDevServer>;
  /** ws's WebSocket, from the test's project. */
  webSocket: WebSocketClass;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The engine process: started, killed and started again on the same port. */
export class DevEngine {
  private process: ChildProcess | null = null;
  private output = "";

  constructor(
    private readonly binary: string,
    private readonly args: readonly string[],
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Everything the engine printed since it was last started. */
  get log(): string {
    return this.output;
  }

  /** Xruns the engine reported so far (its "N so far" lines). */
  get xruns(): number {
    const counts = [...this.output.matchAll(/\((\d+) so far\)/g)].map((match) => Number(match[1]));
    return counts.length === 0 ? 0 : Math.max(...counts);
  }

  get running(): boolean {
    return this.process !== null && this.process.exitCode === null && this.process.signalCode === null;
  }

  async start(): Promise<void> {
    this.output = "";
    const child = spawn(this.binary, this.args, { env: this.env, stdio: ["ignore", "pipe", "pipe"] });
    this.process = child;
    child.stdout?.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + 10_000;
    while (!this.output.includes("bridge on ws://")) {
      if (!this.running) throw new Error(`the engine did not start:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`the engine did not open its bridge:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Stops it with `signal` (SIGKILL: no chance to save anything) and waits. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.process;
    if (child === null || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    await exited;
  }
}

/** A plain bridge client over WebSocket, as a second page or a script is. */
export class BridgeTestClient {
  readonly messages: Array<Record<string, unknown>> = [];
  private nextId = 1;
  private listeners: Array<() => void> = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data) => {
      this.messages.push(JSON.parse(data.toString()) as Record<string, unknown>);
      for (const listener of this.listeners) listener();
    });
  }

  static async connect(webSocket: WebSocketClass, url: string, origin?: string): Promise<BridgeTestClient> {
    const socket = new webSocket(url, origin === undefined ? {} : { origin });
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
      socket.once("unexpected-response", (_request, response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => reject(new Error(`HTTP ${response.statusCode}: ${body.trim()}`)));
      });
    });
    return new BridgeTestClient(socket);
  }

  send(text: string): void {
    this.socket.send(text);
  }

  /** The first message (already here or still to come) that `match` accepts. */
  async waitFor(
    match: (message: Record<string, unknown>) => boolean,
    timeoutMs = 5000,
    from = 0,
  ): Promise<Record<string, unknown>> {
    const found = (): Record<string, unknown> | undefined => this.messages.slice(from).find(match);
    const already = found();
    if (already !== undefined) return already;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((entry) => entry !== check);
        reject(new Error(`no such message within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = (): void => {
        const message = found();
        if (message === undefined) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((entry) => entry !== check);
        resolve(message);
      };
      this.listeners.push(check);
    });
  }

  async call(
    method: string,
    params: Record<string, unknown> = {},
    timeoutMs = 5000,
  ): Promise<Record<string, unknown>> {
    const id = `call-${this.nextId++}`;
    this.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    return this.waitFor((message) => message["id"] === id, timeoutMs);
  }

  close(): void {
    this.socket.close();
  }
}

/** The engine and the page's dev server, as `./vstkit dev` starts them. */
export class DevSession {
  private constructor(
    readonly engine: DevEngine,
    private readonly vite: ViteDevServer,
    readonly pageDir: string,
    readonly token: string,
    readonly wsPort: number,
    readonly origin: string,
    private readonly stateDir: string,
    private readonly webSocket: WebSocketClass,
  ) {}

  static async start(options: DevSessionOptions): Promise<DevSession> {
    mkdirSync(options.scratchDir, { recursive: true });
    const scratch = mkdtempSync(join(options.scratchDir, "dev-"));
    // A copy, so a test may edit the page without touching the real one;
    // inside the page's folder, so it finds the same node_modules.
    const copies = join(options.uiDir, ".dev-copies");
    mkdirSync(copies, { recursive: true });
    const pageDir = mkdtempSync(join(copies, "page-"));
    // Entry by entry: Node refuses to copy a folder into itself.
    for (const entry of readdirSync(options.uiDir)) {
      if (/^(node_modules|\.dev-copies|test-results|dist)$/.test(entry)) continue;
      cpSync(join(options.uiDir, entry), join(pageDir, entry), { recursive: true });
    }
    const stateDir = join(scratch, "state");
    mkdirSync(stateDir);
    const token = randomBytes(16).toString("hex");
    const [vitePort, wsPort] = [await freePort(), await freePort()];
    const origin = `http://127.0.0.1:${vitePort}`;
    const engine = new DevEngine(
      options.engine,
      [
        "--no-window",
        "--input",
        options.input ?? "tone",
        // As ./vstkit dev: 5.3 ms blocks, so a shared machine's scheduling
        // does not pass for the plugin's xruns.
        "--buffer",
        "256",
        "--ws-port",
        String(wsPort),
        "--ws-token",
        token,
        "--ws-origin",
        origin,
      ],
      { ...process.env, XDG_CONFIG_HOME: stateDir },
    );
    await engine.start();
    const vite = await options.createViteServer({
      root: pageDir,
      configFile: join(pageDir, "vite.config.ts"),
      logLevel: "error",
      clearScreen: false,
      server: { host: "127.0.0.1", port: vitePort, strictPort: true },
    });
    await vite.listen();
    return new DevSession(engine, vite, pageDir, token, wsPort, origin, scratch, options.webSocket);
  }

  /** The address `./vstkit dev` prints. */
  get pageUrl(): string {
    return `${this.origin}/?ws=ws://127.0.0.1:${this.wsPort}/&token=${this.token}`;
  }

  bridgeUrl(token: string | null | undefined = this.token): string {
    if (token === undefined) token = this.token;
    return `ws://127.0.0.1:${this.wsPort}/${token === null ? "" : `?token=${token}`}`;
  }

  async client(): Promise<BridgeTestClient> {
    return BridgeTestClient.connect(this.webSocket, this.bridgeUrl());
  }

  /** A client with another token (null: none) or Origin, to be refused. */
  async connectAs(options: { token?: string | null; origin?: string }): Promise<BridgeTestClient> {
    return BridgeTestClient.connect(this.webSocket, this.bridgeUrl(options.token), options.origin);
  }

  async stop(): Promise<void> {
    await this.vite.close();
    await this.engine.stop();
    rmSync(this.stateDir, { recursive: true, force: true });
    rmSync(this.pageDir, { recursive: true, force: true });
  }
}
