import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useParameter } from "../hooks";
import type { ParameterId } from "../parameterIds";

/** Steps a keyboard arrow moves: 1/100 of the range (1/1000 with Shift). */
const arrowSteps = 100;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A horizontal slider for one parameter: drag (one automation pass per
 * drag), double-click for the default, arrows, and typed entry on the value. */
export function ParameterSlider(props: { id: ParameterId; label?: string }): JSX.Element | null {
  const handle = useParameter(props.id);
  const { parameter } = handle;
  const track = useRef<HTMLDivElement>(null);
  const [text, setText] = useState("");
  const [typing, setTyping] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const dragging = useRef(false);

  const value = parameter?.value ?? 0;
  useEffect(() => {
    let current = true;
    if (parameter) {
      handle.format(value).then(
        (formatted) => current && setText(formatted),
        () => undefined,
      );
    }
    return () => {
      current = false;
    };
    // Only a new value or row needs new text; `handle` changes with every render.
  }, [value, parameter?.id]);

  if (!parameter) return null;
  const { min, max } = parameter;
  const stepped = parameter.kind === "stepped";
  const quantize = (v: number) => (stepped ? Math.round(v) : v);
  const fraction = (value - min) / (max - min);

  const valueAt = (clientX: number): number => {
    const box = track.current?.getBoundingClientRect();
    if (!box || box.width === 0) return value;
    return quantize(clamp(min + ((clientX - box.left) / box.width) * (max - min), min, max));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    dragging.current = true;
    handle.begin();
    handle.set(valueAt(event.clientX));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) handle.set(valueAt(event.clientX));
  };
  const endDrag = () => {
    if (!dragging.current) return;
    dragging.current = false;
    handle.end();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = stepped ? 1 : (max - min) / (event.shiftKey ? arrowSteps * 10 : arrowSteps);
    const moves: Record<string, number> = {
      ArrowRight: step,
      ArrowUp: step,
      ArrowLeft: -step,
      ArrowDown: -step,
    };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    handle.set(quantize(clamp(value + move, min, max)));
  };

  const commitTyped = async () => {
    if (typing === null) return;
    const parsed = await handle.parse(typing);
    if (parsed === null) {
      setError(true);
      return;
    }
    handle.set(parsed);
    setTyping(null);
    setError(false);
  };

  return (
    <div className="vk-row vk-slider" data-parameter={parameter.id}>
      <span className="vk-label">{props.label ?? parameter.name}</span>
      <div
        ref={track}
        className="vk-track"
        role="slider"
        tabIndex={0}
        aria-label={parameter.name}
        aria-valuemin={min}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onLostPointerCapture={endDrag}
        onDoubleClick={() => handle.set(parameter.default)}
        onKeyDown={onKeyDown}
      >
        <div className="vk-fill" style={{ width: `${fraction * 100}%` }} />
        <div className="vk-thumb" style={{ left: `${fraction * 100}%` }} />
      </div>
      {typing === null ? (
        <button type="button" className="vk-value" title="Type a value" onClick={() => setTyping(text)}>
          {text}
        </button>
      ) : (
        <input
          className={error ? "vk-value vk-value-error" : "vk-value"}
          autoFocus
          aria-label={`${parameter.name} value`}
          value={typing}
          onChange={(event) => {
            setTyping(event.target.value);
            setError(false);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") void commitTyped();
            if (event.key === "Escape") setTyping(null);
          }}
          onBlur={() => setTyping(null)}
        />
      )}
    </div>
  );
}
