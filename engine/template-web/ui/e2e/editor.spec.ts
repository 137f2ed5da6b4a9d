// The page in Chromium against the plugin's real engine, as `./plugin dev`
// runs them: the table shown, a drag heard, and a restart survived.
import { expect, test, type Page } from "@playwright/test";
import { DevSession } from "@vstkit/ui/testing";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer as createViteServer } from "vite";
import WebSocket from "ws";

const engine = process.env["VSTKIT_ENGINE"] ?? "";
const uiDir = fileURLToPath(new URL("..", import.meta.url));
const scratchDir = process.env["VSTKIT_E2E_SCRATCH"] ?? join(uiDir, "..", "build", "e2e");

async function start(page: Page): Promise<DevSession> {
  expect(engine, "VSTKIT_ENGINE names the plugin's standalone app").not.toBe("");
  const session = await DevSession.start({
    engine,
    uiDir,
    scratchDir,
    createViteServer,
    webSocket: WebSocket,
  });
  await page.goto(session.pageUrl);
  await expect(page.locator(".editor")).toHaveAttribute("data-connection", "connected");
  return session;
}

test("the page shows the table and a drag moves the engine's value", async ({ page }) => {
  const session = await start(page);
  const watcher = await session.client();
  try {
    const slider = page.getByRole("slider", { name: "Gain" });
    await expect(slider).toBeVisible();
    await expect(page.getByRole("switch", { name: "Bypass" })).toBeVisible();
    const box = await slider.boundingBox();
    if (box === null) throw new Error("the slider has no box");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 8, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    // The other client sees the engine's gain go down (it first gets every row as it is).
    const changed = await watcher.waitFor((message) => {
      const params = message["params"] as { id?: string; value?: number } | undefined;
      return message["method"] === "parameter.changed" && params?.id === "gain" && (params.value ?? 0) < -1;
    });
    expect((changed["params"] as { value: number }).value).toBeLessThan(-1);
  } finally {
    watcher.close();
    await session.stop();
  }
});

test("the engine restarted: the page reconnects with its values", async ({ page }) => {
  const session = await start(page);
  try {
    const client = await session.client();
    await client.call("parameter.set", { id: "bypass", value: 1 });
    client.close();
    await expect(page.getByRole("switch", { name: "Bypass" })).toHaveAttribute("aria-checked", "true");
    await session.engine.stop();
    await expect(page.locator(".editor")).not.toHaveAttribute("data-connection", "connected");
    await session.engine.start();
    await expect(page.locator(".editor")).toHaveAttribute("data-connection", "connected", {
      timeout: 10_000,
    });
    await expect(page.getByRole("switch", { name: "Bypass" })).toHaveAttribute("aria-checked", "true");
  } finally {
    await session.stop();
  }
});
