// The page's types and the plugin's session follow one written schema.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { maxMessageBytes, methodNames, notificationNames } from "./schema";

const schemaPath = fileURLToPath(new URL("../../../bridge/schema/bridge.json", import.meta.url));
const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as {
  maxMessageBytes: number;
  methods: Record<string, unknown>;
  notifications: Record<string, unknown>;
};

describe("the bridge schema", () => {
  it("names the same methods as the client", () => {
    expect([...methodNames].sort()).toEqual(Object.keys(schema.methods).sort());
  });
  it("names the same notifications", () => {
    expect([...notificationNames].sort()).toEqual(Object.keys(schema.notifications).sort());
  });
  it("has the same message limit", () => {
    expect(maxMessageBytes).toBe(schema.maxMessageBytes);
  });
});
