// The gain's page in Chromium against the real engine, in the browser dev
// mode (./vstkit dev): what a developer does with it, and what it refuses.
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { createServer } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DevSession, writeWav } from "@vstkit/ui/testing";
import { createServer as createViteServer } from "vite";
import WebSocket from "ws";

const engine = process.env["VSTKIT_ENGINE"] ?? "";
const uiDir = fileURLToPath(new URL("..", import.meta.url));
// Inside the npm root, so the page's copy finds node_modules.
const scratchDir = process.env["VSTKIT_E2E_SCRATCH"] ?? join(uiDir, "..", "..", "..", "build", "e2e");

async function startSession(input = "tone"): Promise<DevSession> {
  expect(engine, "VSTKIT_ENGINE names the gain's standalone app").not.toBe("");
  return DevSession.start({ engine, uiDir, scratchDir, input, createViteServer, webSocket: WebSocket });
}

async function openPage(page: Page, session: DevSession): Promise<void> {
  await page.goto(session.pageUrl);
  await expect(page.locator(".gain")).toHaveAttribute("data-connection", "connected");
}

function peakDb(message: Record<string, unknown>): number {
  const params = message["params"] as { channels: Array<{ peakDb: number }> };
  return params.channels[0]?.peakDb ?? -120;
}

const isMeters = (message: Record<string, unknown>): boolean => message["method"] === "meters";

test("the page loads and lists the plugin's table", async ({ page }) => {
  const session = await startSession();
  try {
    await openPage(page, session);
    await expect(page.getByRole("slider", { name: "Gain" })).toHaveAttribute("aria-valuetext", "0.0 dB");
    await expect(page.getByRole("switch", { name: "Bypass" })).toBeVisible();
    await page.screenshot({ path: join(scratchDir, "dev-page.png") });
  } finally {
    await session.stop();
  }
});

test("a drag moves the engine's gain, a second client sees it, and the level follows", async ({ page }) => {
  const session = await startSession();
  const watcher = await session.client();
  try {
    await openPage(page, session);
    const before = await watcher.waitFor(isMeters);
    expect(peakDb(before)).toBeCloseTo(-12, 0);

    const slider = page.getByRole("slider", { name: "Gain" });
    const box = await slider.boundingBox();
    if (box === null) throw new Error("the slider has no box");
    // From the middle (0 dB) to a quarter of the way: -12 dB.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 4, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();

    await watcher.waitFor(
      (message) =>
        message["method"] === "parameter.changed" &&
        (message["params"] as { id: string; value: number }).value < -11,
    );
    // The drag's last value, as the engine reports it to the other client.
    await page.waitForTimeout(300);
    const changes = watcher.messages.filter(
      (message) =>
        message["method"] === "parameter.changed" && (message["params"] as { id: string }).id === "gain",
    );
    const value = (changes[changes.length - 1]?.["params"] as { value: number }).value;
    expect(value).toBeGreaterThan(-13);
    expect(value).toBeLessThan(-11);
    await expect(slider).toHaveAttribute("aria-valuetext", `${value.toFixed(1)} dB`);
    // The engine's output: the tone's -12 dBFS plus the gain, once the peak hold let go.
    const from = watcher.messages.length;
    await page.waitForTimeout(500);
    const after = await watcher.waitFor(isMeters, 5000, from);
    expect(peakDb(after)).toBeCloseTo(-12 + value, 0);
  } finally {
    watcher.close();
    await session.stop();
  }
});

test("meters move with the tone and fall with silence", async ({ page }) => {
  // One second of 440 Hz at -6 dBFS, then two of silence, looped.
  const rate = 48000;
  const samples = new Float32Array(rate * 3);
  for (let index = 0; index < rate; ++index)
    samples[index] = 0.5 * Math.sin((2 * Math.PI * 440 * index) / rate);
  mkdirSync(scratchDir, { recursive: true });
  const file = join(scratchDir, `tone-then-silence-${process.pid}.wav`);
  writeWav(file, rate, samples);
  const session = await startSession(file);
  try {
    await openPage(page, session);
    const meter = page.getByRole("meter", { name: "L" });
    await expect
      .poll(async () => Number(await meter.getAttribute("data-peak-db")), { timeout: 8000 })
      .toBeGreaterThan(-7);
    await expect
      .poll(async () => Number(await meter.getAttribute("data-peak-db")), { timeout: 8000 })
      .toBeLessThan(-60);
    await expect
      .poll(async () => Number(await meter.getAttribute("data-peak-db")), { timeout: 8000 })
      .toBeGreaterThan(-7);
  } finally {
    await session.stop();
  }
});

test("an edit to the page arrives by hot reload, without a reload", async ({ page }) => {
  const session = await startSession();
  try {
    await openPage(page, session);
    await page.evaluate(() => ((window as unknown as { devMarker: string }).devMarker = "kept"));
    const editor = join(session.pageDir, "src", "GainEditor.tsx");
    const started = Date.now();
    writeFileSync(
      editor,
      readFileSync(editor, "utf8").replace(
        "VstKit <strong>Gain</strong>",
        "VstKit <strong>Gain HMR</strong>",
      ),
    );
    await expect(page.locator(".gain-brand")).toHaveText("VstKit Gain HMR", { timeout: 3000 });
    console.log(`hot reload: the page changed ${Date.now() - started} ms after the edit`);
    expect(await page.evaluate(() => (window as unknown as { devMarker?: string }).devMarker)).toBe("kept");
    await expect(page.locator(".gain")).toHaveAttribute("data-connection", "connected");
  } finally {
    await session.stop();
  }
});

test("the engine killed and started again: the page reconnects and the values are back", async ({ page }) => {
  const session = await startSession();
  try {
    await openPage(page, session);
    const watcher = await session.client();
    await watcher.call("parameter.set", { id: "gain", value: -9 });
    await watcher.call("parameter.set", { id: "bypass", value: 1 });
    watcher.close();
    await expect(page.getByRole("slider", { name: "Gain" })).toHaveAttribute("aria-valuetext", "-9.0 dB");
    // The engine writes its values 200 ms after they settle; SIGKILL gives it no other chance.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await session.engine.stop("SIGKILL");
    await expect(page.locator(".gain")).not.toHaveAttribute("data-connection", "connected");
    await session.engine.start();
    await expect(page.locator(".gain")).toHaveAttribute("data-connection", "connected", { timeout: 10_000 });
    await expect(page.getByRole("slider", { name: "Gain" })).toHaveAttribute("aria-valuetext", "-9.0 dB");
    await expect(page.getByRole("switch", { name: "Bypass" })).toHaveAttribute("aria-checked", "true");
  } finally {
    await session.stop();
  }
});

test("refused, each with a clear error, and the engine plays on", async ({ page }) => {
  const session = await startSession();
  try {
    await openPage(page, session);
    const url = session.bridgeUrl();
    await expect(session.connectAs({ origin: "http://evil.example" })).rejects.toThrow(
      /HTTP 403: a page from http:\/\/evil.example may not use the bridge/,
    );
    await expect(session.connectAs({ token: null, origin: session.origin })).rejects.toThrow(
      /HTTP 401: the bridge needs this run's token/,
    );
    await expect(session.connectAs({ token: "0".repeat(32) })).rejects.toThrow(/HTTP 401: wrong token/);
    // A page from another origin (another local server), in Chromium itself: its socket never opens.
    const otherSite = createServer((_request, response) => {
      response.setHeader("Content-Type", "text/html");
      response.end(
        `<script>const s = new WebSocket(${JSON.stringify(url)});` +
          `s.onopen = () => (document.title = "open"); s.onerror = () => (document.title = "refused");</script>`,
      );
    });
    await new Promise<void>((resolve) => otherSite.listen(0, "127.0.0.1", resolve));
    const otherPort = (otherSite.address() as AddressInfo).port;
    const other = await page.context().newPage();
    await other.goto(`http://127.0.0.1:${otherPort}/`);
    await expect(other).toHaveTitle("refused");
    await other.close();
    otherSite.close();
    expect(session.engine.log).toContain(`a page from http://127.0.0.1:${otherPort} may not use the bridge`);
    expect(session.engine.log).toContain("refused");

    // Only loopback listens.
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address !== undefined && address.family === "IPv4" && !address.internal);
    if (outside !== undefined) {
      const error = await new Promise<string>((resolve) => {
        const socket = connect(session.wsPort, outside.address);
        socket.once("connect", () => resolve("connected"));
        socket.once("error", (failure: NodeJS.ErrnoException) => resolve(failure.code ?? "error"));
      });
      expect(error, `${outside.address}:${session.wsPort}`).toBe("ECONNREFUSED");
    }

    // Malformed JSON gets a JSON-RPC error; a malformed frame closes only its socket.
    const client = await session.client();
    const reply = await (async () => {
      const from = client.messages.length;
      client.send("{ not json");
      return client.waitFor((message) => "error" in message, 5000, from);
    })();
    expect((reply["error"] as { code: number }).code).toBe(-32700);
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(session.wsPort, "127.0.0.1", () => {
        socket.write(
          `GET /?token=${session.token} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
        );
        setTimeout(() => socket.write(Buffer.from([0x83, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f])), 100);
      });
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString("latin1")));
      socket.on("close", () => resolve(text));
    });
    expect(raw).toContain("101 Switching Protocols");
    expect(session.engine.running).toBe(true);
    expect((await client.call("parameters.list"))["result"]).toBeDefined();
    await expect(page.locator(".gain")).toHaveAttribute("data-connection", "connected");
    client.close();
  } finally {
    await session.stop();
  }
});

test("a flood of 1,000 messages a second for 10 s costs the audio nothing", async ({ page }) => {
  test.setTimeout(90_000);
  const session = await startSession();
  try {
    await openPage(page, session);
    const client = await session.client();
    const quietStart = session.engine.xruns;
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const quiet = session.engine.xruns - quietStart;

    const floodStart = session.engine.xruns;
    let sent = 0;
    const started = Date.now();
    while (Date.now() - started < 10_000) {
      // On schedule: one message per millisecond since the start, 1,000 a second.
      while (sent < Date.now() - started) {
        ++sent;
        client.send(
          JSON.stringify({
            jsonrpc: "2.0",
            id: `flood-${sent}`,
            method: "parameter.set",
            params: { id: "gain", value: (sent % 48) - 24 },
          }),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const last = await client.call("parameter.set", { id: "gain", value: -3 }, 20_000);
    const flood = session.engine.xruns - floodStart;
    console.log(`quiet 10 s: ${quiet}, flood 10 s (${sent} messages): ${flood}`);
    expect(sent).toBeGreaterThanOrEqual(9000);
    expect((last["result"] as { value: number }).value).toBe(-3);
    await expect(page.getByRole("slider", { name: "Gain" })).toHaveAttribute("aria-valuetext", "-3.0 dB");
    expect(session.engine.running).toBe(true);
    // The machine is shared: allow the quiet run's count plus a margin, never a flood's worth.
    expect(flood).toBeLessThanOrEqual(quiet * 2 + 10);
    client.close();
  } finally {
    await session.stop();
  }
});
