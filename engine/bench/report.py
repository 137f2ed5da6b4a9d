#!/usr/bin/env python3
"""Combines one ./vstkit bench run into dist/bench/results.json and a table.

Every ratio compares figures measured in the same run on the same machine.
"""
import json
import platform
import sys
from datetime import date
from pathlib import Path


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def main(bench_dir: Path) -> int:
    dsp = json.loads((bench_dir / "dsp.json").read_text())
    dsp_ns = {b["name"]: b["real_time"] for b in dsp["benchmarks"] if b.get("run_type", "iteration") == "iteration"}
    host = [json.loads(line) for line in (bench_dir / "host.jsonl").read_text().splitlines() if line.strip()]

    def plugin(name: str, frames: int, instances: int = 1) -> dict:
        for row in host:
            if (Path(row["bundle"]).name == name or row["bundle"] == name) and row["frames"] == frames and row["instances"] == instances:
                return row
        raise SystemExit(f"missing host result for {name} at {frames} frames x {instances}")

    results = {"date": date.today().isoformat(), "cpu": cpu_model(), "machine": platform.machine(),
               "dsp": {}, "plugin": {}, "scale": {}}
    print(f"VstKit benchmarks, {results['date']}, {results['cpu']}\n")
    print("dsp (Google Benchmark, stereo, ns per call)")
    print(f"  {'frames':>6} {'raw loop':>10} {'steady':>10} {'ratio':>7} {'smoothing':>10} {'ratio':>7}")
    for frames in (64, 512, 4096):
        raw = dsp_ns[f"rawGainLoop/{frames}"]
        steady = dsp_ns[f"processorSteady/{frames}"]
        smoothing = dsp_ns[f"processorSmoothing/{frames}"]
        results["dsp"][str(frames)] = {"raw_ns": raw, "steady_ns": steady, "smoothing_ns": smoothing,
                                       "steady_vs_raw": steady / raw, "smoothing_vs_raw": smoothing / raw}
        print(f"  {frames:>6} {raw:>10.1f} {steady:>10.1f} {steady / raw:>6.2f}x {smoothing:>10.1f} "
              f"{smoothing / raw:>6.2f}x")

    print("\nwhole VST3 process() in vstkit-host, 48 kHz stereo, in place, ns per call "
          "(batched timing, median of batches)")
    print(f"  {'frames':>6} {'bare dsp':>9} {'VstKit':>9} {'p99':>8} {'vs dsp':>7} {'textbook':>9} "
          f"{'vs textbook':>11} {'ns/frame':>9} {'% budget':>9}")
    for frames in (64, 512, 4096):
        bare = plugin("dsp::SmoothedGain", frames)
        ours = plugin("VstKit.vst3", frames)
        textbook = plugin("TextbookGain.vst3", frames)
        per_frame = ours["median_ns"] / frames
        results["plugin"][str(frames)] = {
            "bare_dsp_median_ns": bare["median_ns"],
            "vstkit_median_ns": ours["median_ns"], "vstkit_p99_ns": ours["p99_ns"],
            "textbook_median_ns": textbook["median_ns"], "textbook_p99_ns": textbook["p99_ns"],
            "vstkit_vs_bare_dsp": ours["median_ns"] / bare["median_ns"],
            "vstkit_vs_textbook": ours["median_ns"] / textbook["median_ns"],
            "vstkit_ns_per_frame": per_frame,
            "budget_percent": ours["median_budget_percent"]}
        print(f"  {frames:>6} {bare['median_ns']:>9.1f} {ours['median_ns']:>9.1f} {ours['p99_ns']:>8.1f} "
              f"{ours['median_ns'] / bare['median_ns']:>6.2f}x {textbook['median_ns']:>9.1f} "
              f"{ours['median_ns'] / textbook['median_ns']:>10.2f}x {per_frame:>9.3f} "
              f"{ours['median_budget_percent']:>8.3f}%")
    per_frame_512 = results["plugin"]["512"]["vstkit_ns_per_frame"]
    per_frame_4096 = results["plugin"]["4096"]["vstkit_ns_per_frame"]
    results["plugin"]["per_frame_512_vs_4096"] = per_frame_512 / per_frame_4096
    print(f"  per-frame cost at 512 vs 4096 frames: {per_frame_512 / per_frame_4096:.2f}x")

    many = [row for row in host if row["instances"] > 1]
    for row in many:
        name = Path(row["bundle"]).stem
        results["scale"][f"{name}x{row['instances']}"] = {
            "frames": row["frames"], "cycle_median_ns": row["median_ns"], "cycle_p99_ns": row["p99_ns"],
            "budget_percent": row["median_budget_percent"],
            "p99_budget_percent": 100.0 * row["p99_ns"] / row["budget_ns"],
            "bytes_per_instance": row["bytes_per_instance"]}
        print(f"\n{row['instances']} {name} instances, one {row['frames']}-frame block each per cycle:")
        print(f"  median cycle {row['median_ns'] / 1000:.1f} us = {row['median_budget_percent']:.2f}% of the "
              f"{row['budget_ns'] / 1000:.0f} us budget (p99 {100.0 * row['p99_ns'] / row['budget_ns']:.2f}%); "
              f"{row['bytes_per_instance'] / 1024:.0f} KiB resident per instance")

    (bench_dir / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {bench_dir / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
