export { BridgeTestClient, DevEngine, DevSession, type DevSessionOptions } from "./devSession";
export { writeWav } from "./wav";
