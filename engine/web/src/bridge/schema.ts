// The editor bridge's messages, typed as engine/bridge/schema/bridge.json
// writes them down (src/bridge/schema.test.ts holds the two together).

export type ParameterKind = "continuous" | "stepped" | "toggle" | "choice";

/** One row of the plugin's parameter table. Values are plain: in the unit,
 * a choice's index, 0 or 1 for a toggle. */
export interface Parameter {
  id: string;
  name: string;
  unit: string;
  kind: ParameterKind;
  role: "value" | "bypass";
  min: number;
  max: number;
  default: number;
  decimals: number;
  choices: string[];
  value: number;
}

/** One output channel's level; `clips` only grows, so a change means a clip. */
export interface MeterChannel {
  peakDb: number;
  rmsDb: number;
  clips: number;
}

export interface Methods {
  "parameters.list": { params: Record<string, never>; result: { parameters: Parameter[] } };
  "parameter.set": { params: { id: string; value: number }; result: { value: number } };
  "gesture.begin": { params: { id: string }; result: Record<string, never> };
  "gesture.end": { params: { id: string }; result: Record<string, never> };
  "value.format": { params: { id: string; value: number }; result: { text: string } };
  "value.parse": { params: { id: string; text: string }; result: { value: number } };
  "editor.resize": { params: { width: number; height: number }; result: { accepted: boolean } };
}

export interface Notifications {
  "parameter.changed": { id: string; value: number };
  meters: { channels: MeterChannel[] };
}

export type MethodName = keyof Methods;
export type NotificationName = keyof Notifications;

export const methodNames: readonly MethodName[] = [
  "parameters.list",
  "parameter.set",
  "gesture.begin",
  "gesture.end",
  "value.format",
  "value.parse",
  "editor.resize",
];

export const notificationNames: readonly NotificationName[] = ["parameter.changed", "meters"];

/** What the plugin answers a message it refuses with. */
export interface BridgeErrorBody {
  code: number;
  message: string;
}

/** Messages over this size are refused by the plugin. */
export const maxMessageBytes = 65536;
