#!/usr/bin/env python3
"""Collects the runs of bench/run_reference.sh and turns them into the Markdown summary.

  reference_table.py record-parcours RUNS N REP PROCESS_SECONDS MANIFEST
  reference_table.py record-bare     RUNS N REP PROCESS_SECONDS JSON_LINE
  reference_table.py table           RUNS KERNEL_JSON SUMMARY_MD [NOTE ...]

RUNS is a JSON-lines file, one line per run, so that a partial invocation still leaves
something to read. Only the standard library is used (no jq, no pandas).
"""

import json
import statistics
import sys

# Anchors of shared/design/REFERENCE_MODEL.md (same machine, 2026-11-23): model events/s.
SIMMER = {10_000: 0.22e6, 100_000: 0.17e6, 1_000_000: 0.115e6}
SIMPY = {10_000: 0.32e6, 100_000: 0.15e6, 1_000_000: 0.059e6}

TARGET_N = 1_000_000
TARGET_RATE = 2e6  # model events/s end to end
TARGET_MB = 100.0  # decimal megabytes
TARGET_KERNEL = 10e6  # events/s, hold with 10k pending
KERNEL_TARGET_NAME = "BM_SimulationHold/10000"


def append(path, record):
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")


def record_parcours(runs, n, rep, process_seconds, manifest_path):
    with open(manifest_path, encoding="utf-8") as f:
        m = json.load(f)
    append(runs, {
        "tool": "parcours", "n": int(n), "rep": int(rep),
        "model_events": m["model_events"], "wall_seconds": m["wall_seconds"],
        "peak_memory_mib": m["peak_memory_mib"], "hook_calls": m["hook_calls"],
        "process_seconds": float(process_seconds),
    })


def record_bare(runs, n, rep, process_seconds, line):
    b = json.loads(line)
    append(runs, {
        "tool": "bare_loop", "n": int(n), "rep": int(rep),
        "model_events": b["model_events"], "wall_seconds": b["seconds"],
        "peak_memory_mib": b["peak_memory_mib"],
        "process_seconds": float(process_seconds),
    })


def median_of(runs, key):
    return statistics.median(r[key] for r in runs)


def summarise(runs):
    """Per (tool, n): medians of rate, wall time, process time and peak memory."""
    by = {}
    for r in runs:
        r["rate"] = r["model_events"] / r["wall_seconds"] if r["wall_seconds"] > 0 else 0.0
        by.setdefault((r["tool"], r["n"]), []).append(r)
    out = {}
    for key, rs in by.items():
        s = {k: median_of(rs, k) for k in
             ("rate", "wall_seconds", "process_seconds", "peak_memory_mib", "model_events")}
        s["reps"] = len(rs)
        s["rates"] = sorted(r["rate"] for r in rs)
        if key[0] == "parcours":
            s["hook_calls"] = median_of(rs, "hook_calls")
        out[key] = s
    return out


def kernel_results(path):
    """Median items/s of each benchmark (aggregates if repetitions were asked for)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    plain, medians = {}, {}
    for b in data.get("benchmarks", []):
        rate = b.get("items_per_second")
        if rate is None:
            continue
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                medians[b["run_name"]] = rate
        else:
            plain.setdefault(b.get("run_name", b["name"]), []).append(rate)
    result = {name: statistics.median(rates) for name, rates in plain.items()}
    result.update(medians)
    return result, data.get("context", {})


def mega(x):
    return f"{x / 1e6:.2f}"


def verdict(ok):
    return "**PASS**" if ok else "**FAIL**"


def table(runs_path, kernel_path, summary_path, notes):
    with open(runs_path, encoding="utf-8") as f:
        runs = [json.loads(line) for line in f if line.strip()]
    s = summarise(runs)
    kernel, context = kernel_results(kernel_path)
    sizes = sorted({n for (_, n) in s})

    lines = []
    lines += [f"- {note}" for note in notes]
    if notes:
        lines.append("")
    lines.append("| N clients | parcours model events | parcours M events/s | wall s "
                 "| process s | peak MiB | hook calls / client | bare loop M events/s "
                 "| bare s | parcours / bare | × simmer | × SimPy |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        p = s.get(("parcours", n))
        b = s.get(("bare_loop", n))
        if p is None:
            continue
        if b and b["rate"] > 0:
            bare_rate, bare_s = mega(b["rate"]), f"{b['wall_seconds']:.3f}"
            ratio = f"{p['rate'] / b['rate']:.2f}"
        else:
            bare_rate = bare_s = ratio = "—"
        simmer = f"{p['rate'] / SIMMER[n]:.0f}×" if n in SIMMER else "—"
        simpy = f"{p['rate'] / SIMPY[n]:.0f}×" if n in SIMPY else "—"
        lines.append(
            f"| {n:,} | {p['model_events']:,.0f} | {mega(p['rate'])} "
            f"| {p['wall_seconds']:.3f} | {p['process_seconds']:.3f} "
            f"| {p['peak_memory_mib']:.1f} | {p['hook_calls'] / n:.2f} "
            f"| {bare_rate} | {bare_s} | {ratio} | {simmer} | {simpy} |")
    lines.append("")
    lines.append("Medians of " + ", ".join(
        f"{s[('parcours', n)]['reps']} runs at {n:,}" for n in sizes if ("parcours", n) in s)
        + ". Events/s = model events / the manifest's wall_seconds (parcours) or the loop's "
        "own timer (bare loop). Spread of parcours M events/s per N: " + "; ".join(
            f"{n:,}: " + ", ".join(mega(x) for x in s[("parcours", n)]["rates"])
            for n in sizes if ("parcours", n) in s) + ".")
    lines.append("")

    if kernel:
        load = ", ".join(f"{x:.2f}" for x in context.get("load_avg", []))
        lines.append(f"Kernel hold benchmark (kernel_hold_bench, medians of repetitions, CPU "
                     f"time; {context.get('num_cpus', '?')} CPUs, load average at its start "
                     f"{load or '?'}):")
        lines.append("")
        lines.append("| Kernel hold benchmark | M events/s (median) |")
        lines.append("|---|---|")
        for name, rate in kernel.items():
            lines.append(f"| {name} | {mega(rate)} |")
        lines.append("")

    lines.append("| Target | Measured | Result |")
    lines.append("|---|---|---|")
    p = s.get(("parcours", TARGET_N))
    b = s.get(("bare_loop", TARGET_N))
    if p:
        mb = p["peak_memory_mib"] * 1.048576
        lines.append(f"| ≥ 2 M model events/s end to end at 1 M clients "
                     f"| {mega(p['rate'])} M/s | {verdict(p['rate'] >= TARGET_RATE)} |")
        lines.append(f"| ≥ 17× simmer, ≥ 34× SimPy at 1 M "
                     f"| {p['rate'] / SIMMER[TARGET_N]:.1f}×, {p['rate'] / SIMPY[TARGET_N]:.1f}× "
                     f"| {verdict(p['rate'] >= 17 * SIMMER[TARGET_N] and p['rate'] >= 34 * SIMPY[TARGET_N])} |")
        lines.append(f"| peak memory ≤ 100 MB at 1 M clients "
                     f"| {p['peak_memory_mib']:.1f} MiB = {mb:.1f} MB | {verdict(mb <= TARGET_MB)} |")
        if b:
            ratio = p["rate"] / b["rate"]
            lines.append(f"| within 2× of the bare loop at 1 M (design goal) "
                         f"| {ratio:.2f} of its rate ({1 / ratio:.2f}× slower) "
                         f"| {verdict(ratio >= 0.5)} |")
    else:
        lines.append("| 1 M-client targets | not run | — |")
    k = kernel.get(KERNEL_TARGET_NAME)
    if k is not None:
        lines.append(f"| kernel hold, 10 k pending, ≥ 10 M events/s (through core::Simulation) "
                     f"| {mega(k)} M/s | {verdict(k >= TARGET_KERNEL)} |")
    else:
        lines.append("| kernel hold target | not run | — |")
    lines.append("")

    text = "\n".join(lines)
    print(text)
    with open(summary_path, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "record-parcours" and len(argv) == 7:
        record_parcours(*argv[2:])
        return 0
    if len(argv) >= 2 and argv[1] == "record-bare" and len(argv) == 7:
        record_bare(*argv[2:])
        return 0
    if len(argv) >= 5 and argv[1] == "table":
        return table(argv[2], argv[3], argv[4], argv[5:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
