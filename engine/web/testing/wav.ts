import { writeFileSync } from "node:fs";

/** Writes 16-bit stereo PCM: each side gets `samples` (-1..1). For test inputs
 * the engine plays with --input FILE.wav. */
export function writeWav(path: string, sampleRate: number, samples: Float32Array): void {
  const channels = 2;
  const dataBytes = samples.length * channels * 2;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write("RIFF", 0);
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write("WAVE", 8);
  buffer.write("fmt ", 12);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(channels, 22);
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * channels * 2, 28);
  buffer.writeUInt16LE(channels * 2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write("data", 36);
  buffer.writeUInt32LE(dataBytes, 40);
  samples.forEach((sample, index) => {
    const value = Math.round(Math.max(-1, Math.min(1, sample)) * 32767);
    buffer.writeInt16LE(value, 44 + index * 4);
    buffer.writeInt16LE(value, 46 + index * 4);
  });
  writeFileSync(path, buffer);
}
