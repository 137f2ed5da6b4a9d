import { useParameter } from "../hooks";
import type { ParameterId } from "../parameterIds";

/** An on/off switch for a toggle parameter (Bypass, say). */
export function ParameterToggle(props: { id: ParameterId; label?: string }): JSX.Element | null {
  const handle = useParameter(props.id);
  const { parameter } = handle;
  if (!parameter) return null;
  const on = parameter.value >= 0.5;
  return (
    <div className="vk-row vk-toggle" data-parameter={parameter.id}>
      <span className="vk-label">{props.label ?? parameter.name}</span>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label={parameter.name}
        className={on ? "vk-switch vk-switch-on" : "vk-switch"}
        onClick={() => handle.set(on ? 0 : 1)}
      >
        <span className="vk-switch-knob" />
      </button>
    </div>
  );
}
