#!/usr/bin/env python3
"""Writes and reads the 32-bit float WAV files of the render tests (stdlib only).

  wav_tool.py dc OUT.wav SECONDS LEVEL         stereo DC at 48 kHz
  wav_tool.py first-change IN.wav OUT.wav      first frame where OUT differs from IN
  wav_tool.py gain-db IN.wav OUT.wav FROM TO   level change (dB) over frames [FROM, TO)
"""
import math
import struct
import sys

RATE = 48000


def write(path, frames):
    data = b"".join(struct.pack("<2f", left, right) for left, right in frames)
    header = b"RIFF" + struct.pack("<I", 4 + 26 + 8 + len(data)) + b"WAVE"
    fmt = b"fmt " + struct.pack("<IHHIIHHH", 18, 3, 2, RATE, RATE * 8, 8, 32, 0)
    with open(path, "wb") as out:
        out.write(header + fmt + b"data" + struct.pack("<I", len(data)) + data)


def read(path):
    """Left channel of a float or 16/24/32-bit PCM WAV, as floats."""
    blob = open(path, "rb").read()
    if blob[:4] != b"RIFF" or blob[8:12] != b"WAVE":
        sys.exit(f"{path}: not a WAV file")
    pos, fmt = 12, None
    while pos + 8 <= len(blob):
        tag, size = blob[pos:pos + 4], struct.unpack("<I", blob[pos + 4:pos + 8])[0]
        body = blob[pos + 8:pos + 8 + size]
        if tag == b"fmt ":
            fmt = struct.unpack("<HHIIHH", body[:16])
        elif tag == b"data":
            code, channels, _, _, align, bits = fmt
            if code == 0xFFFE:
                code = struct.unpack("<H", body[24:26])[0]
            step = align
            samples = []
            for at in range(0, len(body) - step + 1, step):
                raw = body[at:at + bits // 8]
                if code == 3:
                    samples.append(struct.unpack("<f", raw)[0])
                else:
                    value = int.from_bytes(raw, "little", signed=True)
                    samples.append(value / float(1 << (bits - 1)))
            return samples
        pos += 8 + size + (size & 1)
    sys.exit(f"{path}: no data chunk")


def main():
    command = sys.argv[1]
    if command == "dc":
        frames = int(float(sys.argv[3]) * RATE)
        level = float(sys.argv[4])
        write(sys.argv[2], [(level, level)] * frames)
    elif command == "first-change":
        before, after = read(sys.argv[2]), read(sys.argv[3])
        for frame, (a, b) in enumerate(zip(before, after)):
            if a != b:
                print(frame)
                return
        print(-1)
    elif command == "gain-db":
        before, after = read(sys.argv[2]), read(sys.argv[3])
        start, end = int(sys.argv[4]), int(sys.argv[5])
        rms = lambda xs: math.sqrt(sum(x * x for x in xs) / len(xs))
        print(f"{20 * math.log10(rms(after[start:end]) / rms(before[start:end])):.3f}")
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main()
