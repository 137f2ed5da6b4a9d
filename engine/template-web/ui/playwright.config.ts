import { defineConfig } from "@playwright/test";
import { join } from "node:path";

const scratch = process.env["VSTKIT_E2E_SCRATCH"];

// Debian's Chromium, never a downloaded one (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
// One worker: each test runs the real engine at real-time pace.
export default defineConfig({
  testDir: "e2e",
  // Traces and screenshots of failures go to the build, not the source tree.
  outputDir: scratch === undefined ? "test-results" : join(scratch, "test-results"),
  timeout: 120_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    headless: true,
    viewport: { width: 460, height: 240 },
    launchOptions: {
      executablePath: process.env["VSTKIT_CHROMIUM"] ?? "/usr/bin/chromium",
      // Root (CI) cannot use Chromium's sandbox.
      args: ["--no-sandbox"],
    },
  },
});
