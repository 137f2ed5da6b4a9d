export { BridgeClient, BridgeError } from "./bridge/client";
export { PluginState, type Snapshot } from "./bridge/pluginState";
export * from "./bridge/schema";
export type { ConnectionState, Transport } from "./bridge/transport";
export { WebViewTransport, hasWebViewBridge } from "./bridge/webViewTransport";
export { WebSocketTransport } from "./bridge/webSocketTransport";
export {
  BridgeProvider,
  defaultTransport,
  useBridge,
  useConnection,
  useMeters,
  useParameter,
  useParameters,
  type ParameterHandle,
} from "./hooks";
export { ParameterSlider } from "./components/ParameterSlider";
export { ParameterToggle } from "./components/ParameterToggle";
export { ParameterSelect } from "./components/ParameterSelect";
export { Meter, meterFraction, meterFloorDb, meterCeilingDb } from "./components/Meter";
export { ClipIndicator } from "./components/ClipIndicator";
export type { ParameterId, PluginParameters } from "./parameterIds";
