// Compiled with the page (tsc), never run: the typed ids written from
// plugin.h's table turn a misspelt parameter into a type error.
import { useParameter } from "@vstkit/ui";

export function typedIdsCheck(): void {
  useParameter("gain");
  // @ts-expect-error "gian" is not in the table.
  useParameter("gian");
}
