import { describe, expect, it } from "vitest";
import { shownParameters } from "./Editor";
import { parameterTable } from "./parameters.generated";

describe("the page and plugin.h's table", () => {
  it("shows rows the table has, each with a default inside its range", () => {
    for (const id of shownParameters) {
      const row = parameterTable[id];
      expect(row.default).toBeGreaterThanOrEqual(row.min);
      expect(row.default).toBeLessThanOrEqual(row.max);
    }
  });

  it("shows every row of the table", () => {
    expect([...shownParameters].sort()).toEqual(Object.keys(parameterTable).sort());
  });
});
