// Compiled with the page (tsc), never run: the typed ids written from
// plugin.h's table must turn a misspelt parameter into a type error.
import { ParameterSlider, useParameter } from "@vstkit/ui";

export function typedIdsCheck(): void {
  useParameter("gain");
  // @ts-expect-error "gian" is not in the gain's table.
  useParameter("gian");
  // @ts-expect-error nor is "volume".
  ParameterSlider({ id: "volume" });
}
