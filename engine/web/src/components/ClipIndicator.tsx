import { useEffect, useRef, useState } from "react";
import { useMeters } from "../hooks";

/** Lights when any output channel goes over full scale, and holds until
 * clicked. */
export function ClipIndicator(): JSX.Element {
  const meters = useMeters();
  const total = meters.reduce((sum, channel) => sum + channel.clips, 0);
  const seen = useRef<number | null>(null);
  const [lit, setLit] = useState(false);
  useEffect(() => {
    if (meters.length === 0) return;
    // The first reading is where counting starts: clips before the page are not its.
    if (seen.current !== null && total !== seen.current) setLit(true);
    seen.current = total;
  }, [total, meters.length]);
  return (
    <button
      type="button"
      className={lit ? "vk-clip vk-clip-lit" : "vk-clip"}
      aria-pressed={lit}
      aria-label={lit ? "Clipped: click to reset" : "No clip"}
      title={lit ? "The output went over 0 dBFS. Click to reset." : "Lights when the output clips"}
      onClick={() => setLit(false)}
    >
      CLIP
    </button>
  );
}
