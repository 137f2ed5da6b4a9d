import { useMeters } from "../hooks";

/** The scale a meter draws, in dBFS. */
export const meterFloorDb = -60;
export const meterCeilingDb = 6;

export function meterFraction(db: number): number {
  return Math.min(1, Math.max(0, (db - meterFloorDb) / (meterCeilingDb - meterFloorDb)));
}

/** One output channel's peak (line) and RMS (bar), -60 to +6 dBFS. */
export function Meter(props: { channel: number; label?: string }): JSX.Element {
  const level = useMeters()[props.channel];
  const peakDb = level?.peakDb ?? -120;
  const rmsDb = level?.rmsDb ?? -120;
  return (
    <div
      className="vk-meter"
      data-channel={props.channel}
      data-peak-db={peakDb.toFixed(2)}
      data-rms-db={rmsDb.toFixed(2)}
      role="meter"
      aria-label={props.label ?? `Output ${props.channel + 1}`}
      aria-valuemin={meterFloorDb}
      aria-valuemax={meterCeilingDb}
      aria-valuenow={Math.max(peakDb, meterFloorDb)}
    >
      <div className="vk-meter-track">
        <div className="vk-meter-rms" style={{ height: `${meterFraction(rmsDb) * 100}%` }} />
        <div className="vk-meter-peak" style={{ bottom: `${meterFraction(peakDb) * 100}%` }} />
        <div className="vk-meter-zero" style={{ bottom: `${meterFraction(0) * 100}%` }} />
      </div>
      {props.label !== undefined && <span className="vk-meter-label">{props.label}</span>}
    </div>
  );
}
