#!/usr/bin/env python3
"""Collects the runs of bench/run_reference.sh and turns them into the Markdown summary.

  reference_table.py record-parcours RUNS N REP PROCESS_SECONDS MANIFEST [SCHEDULER]
  reference_table.py record-bare     RUNS N REP PROCESS_SECONDS JSON_LINE
  reference_table.py table           RUNS KERNEL_JSON SUMMARY_MD HISTORY_CSV DATE COMMIT LOAD
                                     [NOTE ...]

RUNS is a JSON-lines file, one line per run, so that a partial invocation still leaves
something to read. HISTORY_CSV gets one row per (program, N) and per kernel benchmark of this
invocation, appended, so that the committed file keeps every measurement. Only the standard
library is used (no jq, no pandas).
"""

import csv
import json
import os
import statistics
import sys


TARGET_N = 1_000_000
TARGET_RATE = 2e6  # model events/s end to end
TARGET_MB = 100.0  # decimal megabytes
TARGET_KERNEL = 10e6  # events/s, hold with 10k pending
KERNEL_TARGET_NAME = "SimulationHold/auto/10000"
TARGET_LADDER = 12e6  # events/s, hold with 100k pending on the ladder queue
LADDER_TARGET_NAME = "SimulationHold/ladder/100000"
# parcours / bare loop rate at N clients, and peak memory at 10 M (issue 14).
TARGET_RATIO = {1_000_000: 0.6, 10_000_000: 0.8}
TARGET_MB_10M = 250.0
HISTORY_FIELDS = ["date_utc", "commit", "load_average", "program", "n_clients", "runs",
                  "model_events", "m_events_per_s", "wall_s", "peak_mib", "ratio_to_bare"]


def append(path, record):
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")


def record_parcours(runs, n, rep, process_seconds, manifest_path, scheduler="auto"):
    with open(manifest_path, encoding="utf-8") as f:
        m = json.load(f)
    append(runs, {
        "tool": f"parcours/{scheduler}", "n": int(n), "rep": int(rep),
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
        if key[0].startswith("parcours"):
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


def table(runs_path, kernel_path, summary_path, history_path, date, commit, load, notes):
    with open(runs_path, encoding="utf-8") as f:
        runs = [json.loads(line) for line in f if line.strip()]
    s = summarise(runs)
    kernel, context = kernel_results(kernel_path)
    sizes = sorted({n for (_, n) in s})
    programs = sorted({tool for (tool, _) in s if tool.startswith("parcours")})

    lines = []
    lines += [f"- {note}" for note in notes]
    if notes:
        lines.append("")
    lines.append("| N clients | program | model events | M events/s | wall s | process s "
                 "| peak MiB | hook calls / client | bare loop M events/s | bare s | bare peak MiB "
                 "| program / bare |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
    history = []
    for n in sizes:
        b = s.get(("bare_loop", n))
        for program in programs:
            p = s.get((program, n))
            if p is None:
                continue
            if b and b["rate"] > 0:
                bare_rate, bare_s = mega(b["rate"]), f"{b['wall_seconds']:.3f}"
                bare_mib = f"{b['peak_memory_mib']:.1f}"
                ratio = f"{p['rate'] / b['rate']:.2f}"
            else:
                bare_rate = bare_s = bare_mib = ratio = "—"
            lines.append(
                f"| {n:,} | {program} | {p['model_events']:,.0f} | {mega(p['rate'])} "
                f"| {p['wall_seconds']:.3f} | {p['process_seconds']:.3f} "
                f"| {p['peak_memory_mib']:.1f} | {p['hook_calls'] / n:.2f} "
                f"| {bare_rate} | {bare_s} | {bare_mib} | {ratio} |")
            history.append([date, commit, load, program, n, p["reps"], p["model_events"],
                            mega(p["rate"]), f"{p['wall_seconds']:.3f}",
                            f"{p['peak_memory_mib']:.1f}", ratio])
        if b:
            history.append([date, commit, load, "bare_loop", n, b["reps"], b["model_events"],
                            mega(b["rate"]), f"{b['wall_seconds']:.3f}",
                            f"{b['peak_memory_mib']:.1f}", "1.00"])
    lines.append("")
    lines.append("Medians of the runs at each N. Events/s = model events / the manifest's "
                 "wall_seconds (parcours) or the loop's own timer (bare loop). Spread of "
                 "M events/s: " + "; ".join(
                     f"{program} at {n:,}: " + ", ".join(mega(x) for x in s[(program, n)]["rates"])
                     for n in sizes for program in programs + ["bare_loop"]
                     if (program, n) in s) + ".")
    lines.append("")

    if kernel:
        load_avg = ", ".join(f"{x:.2f}" for x in context.get("load_avg", []))
        lines.append(f"Kernel hold benchmark (kernel_hold_bench, medians of repetitions, CPU "
                     f"time; {context.get('num_cpus', '?')} CPUs, load average at its start "
                     f"{load_avg or '?'}):")
        lines.append("")
        lines.append("| Kernel hold benchmark | M events/s (median) |")
        lines.append("|---|---|")
        for name, rate in kernel.items():
            lines.append(f"| {name} | {mega(rate)} |")
            history.append([date, commit, load, "kernel " + name, "", "", "", mega(rate),
                            "", "", ""])
        lines.append("")

    lines.append("| Target | Measured | Result |")
    lines.append("|---|---|---|")
    for program in programs:
        for n, target in TARGET_RATIO.items():
            p, b = s.get((program, n)), s.get(("bare_loop", n))
            if p and b and b["rate"] > 0:
                ratio = p["rate"] / b["rate"]
                lines.append(f"| {program} ≥ {target} × the bare loop at {n:,} clients "
                             f"| {ratio:.2f} | {verdict(ratio >= target)} |")
        p = s.get((program, 10_000_000))
        if p:
            mb = p["peak_memory_mib"] * 1.048576
            lines.append(f"| {program} peak memory ≤ 250 MB at 10 M clients "
                         f"| {p['peak_memory_mib']:.1f} MiB = {mb:.1f} MB "
                         f"| {verdict(mb <= TARGET_MB_10M)} |")
        p = s.get((program, TARGET_N))
        if p:
            mb = p["peak_memory_mib"] * 1.048576
            lines.append(f"| {program} ≥ 2 M model events/s end to end at 1 M clients "
                         f"| {mega(p['rate'])} M/s | {verdict(p['rate'] >= TARGET_RATE)} |")
            lines.append(f"| {program} peak memory ≤ 100 MB at 1 M clients "
                         f"| {p['peak_memory_mib']:.1f} MiB = {mb:.1f} MB "
                         f"| {verdict(mb <= TARGET_MB)} |")
    for name, target, text in ((KERNEL_TARGET_NAME, TARGET_KERNEL, "10 k pending, ≥ 10 M"),
                               (LADDER_TARGET_NAME, TARGET_LADDER, "100 k pending on the "
                                "ladder, ≥ 12 M")):
        k = kernel.get(name)
        if k is not None:
            lines.append(f"| kernel hold, {text} events/s (through core::Simulation) "
                         f"| {mega(k)} M/s | {verdict(k >= target)} |")
    lines.append("")

    text = "\n".join(lines)
    print(text)
    with open(summary_path, "w", encoding="utf-8") as f:
        f.write(text)
    new_file = not os.path.exists(history_path) or os.path.getsize(history_path) == 0
    with open(history_path, "a", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        if new_file:
            w.writerow(HISTORY_FIELDS)
        w.writerows(history)
    return 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "record-parcours" and len(argv) in (7, 8):
        record_parcours(*argv[2:])
        return 0
    if len(argv) >= 2 and argv[1] == "record-bare" and len(argv) == 7:
        record_bare(*argv[2:])
        return 0
    if len(argv) >= 9 and argv[1] == "table":
        return table(*argv[2:9], argv[9:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
