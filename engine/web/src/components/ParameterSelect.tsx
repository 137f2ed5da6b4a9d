import { useParameter } from "../hooks";
import type { ParameterId } from "../parameterIds";

/** A list of a choice parameter's names. */
export function ParameterSelect(props: { id: ParameterId; label?: string }): JSX.Element | null {
  const handle = useParameter(props.id);
  const { parameter } = handle;
  if (!parameter) return null;
  return (
    <div className="vk-row vk-select" data-parameter={parameter.id}>
      <span className="vk-label">{props.label ?? parameter.name}</span>
      <select
        aria-label={parameter.name}
        value={Math.round(parameter.value)}
        onChange={(event) => handle.set(Number(event.target.value))}
      >
        {parameter.choices.map((choice, index) => (
          <option key={choice} value={index}>
            {choice}
          </option>
        ))}
      </select>
    </div>
  );
}
