export {
  BridgeTestClient,
  DevEngine,
  DevSession,
  type DevSessionOptions,
  type WebSocketClass,
} from "./devSession";
export { writeWav } from "./wav";
