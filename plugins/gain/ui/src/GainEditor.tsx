import {
  ClipIndicator,
  Meter,
  meterFraction,
  ParameterSlider,
  ParameterToggle,
  useConnection,
  useParameter,
} from "@vstkit/ui";

/** Marks beside the meters, in dBFS. */
const scaleMarks = [6, 0, -6, -12, -24, -36, -60];

/** The gain's editor: the gain in dB with typed entry, Bypass, and the
 * stereo output's peak and RMS with a clip light. */
export function GainEditor(): JSX.Element {
  const connection = useConnection();
  const bypass = useParameter("bypass").parameter;
  const bypassed = (bypass?.value ?? 0) >= 0.5;
  return (
    <div className={bypassed ? "gain gain-bypassed" : "gain"} data-connection={connection}>
      <header className="gain-header">
        <span className="gain-brand">
          VstKit <strong>Gain</strong>
        </span>
        {connection !== "connected" && <span className="gain-status">{connection}</span>}
        <ClipIndicator />
      </header>
      <main className="gain-body">
        <section className="gain-controls">
          <ParameterSlider id="gain" />
          <ParameterToggle id="bypass" />
        </section>
        <section className="gain-meters" aria-label="Output level">
          <Meter channel={0} label="L" />
          <Meter channel={1} label="R" />
          <div className="gain-scale" aria-hidden="true">
            {scaleMarks.map((db) => (
              <span key={db} style={{ bottom: `${meterFraction(db) * 100}%` }}>
                {db > 0 ? `+${db}` : db}
              </span>
            ))}
          </div>
        </section>
      </main>
    </div>
  );
}
