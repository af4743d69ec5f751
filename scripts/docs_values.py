"""The generated values of the README and the tutorials (see scripts/docs-gen).

compute(page, work, outputs) returns {name: text} for one page, from the full runs of its
commands in `work` (a scratch copy of the project) and their captured outputs (by block id).
Conclusions in the prose are chosen here from the numbers, so they stay true when the model
changes.
"""

import csv
import re
from pathlib import Path


# --- reading ---------------------------------------------------------------------------------

def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def summary(work, folder, indicator, year, file="summary_yearly.csv", dimension="all",
            group="all"):
    """The summary row of one indicator (all clients) in one fiscal year."""
    for r in rows(Path(work) / "results" / folder / file):
        if (r["indicator"] == indicator and r.get("fiscal_year", r.get("period")) == year
                and r["dimension"] == dimension and r["group"] == group):
            return r
    raise KeyError(f"{folder}/{file}: no {indicator} in {year}")


def mean(row):
    return float(row["mean"])


def quarterly_means(work, folder, indicator):
    out = []
    for r in rows(Path(work) / "results" / folder / "summary_quarterly.csv"):
        if r["indicator"] == indicator and r["dimension"] == "all":
            out.append(float(r["mean"]))
    return out


# --- formatting ------------------------------------------------------------------------------

def n0(x):
    return f"{x:,.0f}".replace("-", "−")


def n2(x):
    return f"{x:,.2f}"


def signed(x):
    return ("+" if x >= 0 else "−") + f"{abs(x):,.0f}"


def with_ci(row):
    return f"{n0(float(row['mean']))} [{n0(float(row['ci95_low']))} – {n0(float(row['ci95_high']))}]"


def days(x):
    return f"{x:,.2f} days" if x < 10 else f"{x:,.1f} days"


def fence(text):
    return "```\n" + text.rstrip("\n") + "\n```"


def table(header, body):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(lines)


def about(x, step):
    """A round figure for prose: 64,884 -> 65,000 with step 1000."""
    return n0(round(x / step) * step)


def stderr_line(outputs, block, start="parcours: wrote"):
    for line in outputs[block]["stderr"].splitlines():
        if line.startswith(start):
            return line
    raise KeyError(f"block {block}: no line starting with {start!r}")


# --- pages -----------------------------------------------------------------------------------

def planner(work, out):
    v = {}
    year = "2027-2028"
    v["baseline_seconds"] = f"{out['baseline']['seconds']:.0f}"
    v["baseline_line"] = fence(stderr_line(out, "baseline"))
    arrivals = [mean(summary(work, "baseline", "arrivals", y))
                for y in ("2025-2026", "2026-2027", "2027-2028")]
    started = [mean(summary(work, "baseline", "parcours_started", y))
               for y in ("2025-2026", "2026-2027", "2027-2028")]
    v["arrivals"] = about(sum(arrivals) / 3, 1000)
    v["started_range"] = f"{about(min(started), 100)} to {about(max(started), 100)}"

    def s(folder, ind):
        return summary(work, folder, ind, year)

    b_wait = mean(s("baseline", "interview_wait_days_mean"))
    b_util = mean(s("baseline", "agent_utilisation"))
    v["baseline_table"] = table(["Indicator", "Mean [95 % interval]"], [
        ["Parcours ended by a job (`parcours_ended_employment`)",
         with_ci(s("baseline", "parcours_ended_employment"))],
        ["Parcours abandoned (`parcours_ended_dropout`)",
         with_ci(s("baseline", "parcours_ended_dropout"))],
        ["Mean wait for the evaluation interview (`interview_wait_days_mean`)", days(b_wait)],
        ["Agent utilisation (`agent_utilisation`)", n2(b_util)],
    ])
    v["typo_error"] = fence(out["typo"]["stderr"].strip().splitlines()[-1])

    m_wait = mean(s("more_contacts", "interview_wait_days_mean"))
    m_util = mean(s("more_contacts", "agent_utilisation"))
    v["contacts_table"] = table(["Indicator", "Baseline", "More contacts"], [
        ["Parcours abandoned", with_ci(s("baseline", "parcours_ended_dropout")),
         with_ci(s("more_contacts", "parcours_ended_dropout"))],
        ["Parcours ended by a job", with_ci(s("baseline", "parcours_ended_employment")),
         with_ci(s("more_contacts", "parcours_ended_employment"))],
        ["Agent utilisation", n2(b_util), n2(m_util)],
        ["Mean wait for the interview", days(b_wait), days(m_wait)],
    ])
    drop = mean(s("more_contacts", "parcours_ended_dropout")) - mean(
        s("baseline", "parcours_ended_dropout"))
    q = quarterly_means(work, "more_contacts", "interview_wait_days_mean")
    climbing = len(q) >= 4 and all(q[i + 1] >= q[i] for i in range(len(q) - 4, len(q) - 1))
    prose = (f"Abandonment {'falls' if drop < 0 else 'rises'} by about {about(abs(drop), 100)} "
             f"Parcours in 2027-2028 (the baseline's `dropout_effects` lowers the dropout hazard "
             f"by about 10 % per planned contact a month), but the contacts the agents make come "
             f"out of the same time as the evaluation interviews: agent utilisation goes from "
             f"{n2(b_util)} to {n2(m_util)}")
    if m_util > 1:
        prose += " (busy beyond their open hours: work waits)"
    prose += (f", and the mean wait for an interview from {days(b_wait)} to {days(m_wait)}. "
              f"The quarterly figure of the mean wait in the new report goes from "
              f"{days(q[0])} in the first quarter to {days(q[-1])} in the last")
    prose += (": it is still climbing at the end, the queue never catches up." if climbing
              else ".")
    v["contacts_prose"] = prose

    a_wait = mean(s("more_contacts_170", "interview_wait_days_mean"))
    a_util = mean(s("more_contacts_170", "agent_utilisation"))
    emp3 = "employed_within_followup_of_parcours"
    v["agents170_table"] = table(["Indicator", "More contacts, 170 agents"], [
        ["Parcours abandoned", with_ci(s("more_contacts_170", "parcours_ended_dropout"))],
        ["Parcours ended by a job", with_ci(s("more_contacts_170", "parcours_ended_employment"))],
        ["Employed within 3 months of the end of a Parcours",
         f"{with_ci(s('more_contacts_170', emp3))} (baseline {n0(mean(s('baseline', emp3)))})"],
        ["Agent utilisation", n2(a_util)],
        ["Mean wait for the interview", days(a_wait)],
    ])
    q170 = quarterly_means(work, "more_contacts_170", "interview_wait_days_mean")
    still = len(q170) >= 4 and q170[-1] > 2 * max(q170[0], 0.5)
    jobs = mean(s("more_contacts_170", "parcours_ended_employment")) - mean(
        s("baseline", "parcours_ended_employment"))
    if a_wait <= max(1.0, 1.5 * b_wait) and not still:
        prose = (f"With 40 more agents the wait is back to {days(a_wait)} (the baseline's is "
                 f"{days(b_wait)}), ")
    elif a_util >= 1 or still:
        prose = (f"Even with 40 more agents the agents are not enough: utilisation "
                 f"{n2(a_util)} and a mean wait of {days(a_wait)} in 2027-2028, growing from "
                 f"{days(q170[0])} in the first quarter to {days(q170[-1])} in the last; try "
                 f"more agents, or fewer contacts made by the agent (`agent_share`). ")
    else:
        prose = (f"With 40 more agents the wait falls to {days(a_wait)}, still above the "
                 f"baseline's {days(b_wait)}, ")
    prose += (f"In 2027-2028 {about(abs(jobs), 10)} {'more' if jobs >= 0 else 'fewer'} "
              f"Parcours end in a job than in the baseline." if prose.endswith(". ")
              else f"and in 2027-2028 {about(abs(jobs), 10)} "
                   f"{'more' if jobs >= 0 else 'fewer'} Parcours end in a job than in the "
                   f"baseline.")
    v["agents170_prose"] = prose
    cost = s("baseline", "extra_costs_paid")
    v["extra_costs"] = (f"${float(cost['mean']) / 1e6:.2f} M [{float(cost['ci95_low']) / 1e6:.2f}"
                        f" – {float(cost['ci95_high']) / 1e6:.2f}]")
    v["runs_list"] = fence(re.sub(str(work), "/home/me/parcours", out["runs_list"]["stdout"]))
    diff = out["runs_diff"]["stdout"].splitlines()
    cut = next((i for i, line in enumerate(diff) if line.startswith("  20")), len(diff))
    v["runs_diff"] = fence("\n".join(diff[:cut + 1] + ["  ..."]))
    return v


def grep_rows(work, out, block, file):
    """The rows a grep block printed, as dicts keyed by the file's header."""
    with open(Path(work) / "results" / file, newline="") as f:
        header = next(csv.reader(f))
    return header, [dict(zip(header, r)) for r in csv.reader(out[block]["stdout"].splitlines())]


def shortened_lines(header, found, keep, first_kept="indicator"):
    """`...,indicator,...` lines: the columns before `first_kept` shortened to `...`."""
    cut = header.index(first_kept)
    lines = ["...," + ",".join(header[cut:])]
    for r in found:
        if r["indicator"] in keep:
            lines.append("...," + ",".join(r[h] for h in header[cut:]))
    return fence("\n".join(lines))


def money_m(x):
    return f"${x / 1e6:.2f} million"


def budget(work, out):
    v = {}
    v["baseline_line"] = fence(stderr_line(out, "baseline"))
    header, found = grep_rows(work, out, "grep_agreements", "baseline/agreements_summary.csv")
    by = {r["indicator"]: r for r in found}
    v["agreement_lines"] = shortened_lines(header, found, [
        "participants_started", "hours_direct", "hours_indirect", "cost", "cost_fixed_price",
        "cost_actual_costs", "turned_away", "participants_target", "attainment_pct", "ceiling"])
    m = lambda ind: float(by[ind]["mean"])  # noqa: E731
    started, target = m("participants_started"), m("participants_target")
    fixed, actual = m("cost_fixed_price"), m("cost_actual_costs")
    direct, indirect = m("hours_direct"), m("hours_indirect")
    price_hours = fixed / started / (65 * 1.15)
    v["agreement_prose"] = (
        f"In 2026-2027 the agreement took **{n0(started)} participants** (95 % CI "
        f"{n0(float(by['participants_started']['ci95_low']))}–"
        f"{n0(float(by['participants_started']['ci95_high']))}), {m('attainment_pct'):.0f} % of "
        f"its target of {n0(target)}, who received {n0(direct)} direct and {n0(indirect)} "
        f"indirect hours in that year. It cost **{money_m(m('cost'))}** (`cost`: in its own "
        f"funding mode, a fixed price, so `cost` equals `cost_fixed_price`: {n0(started)} × "
        f"$1,800). The same hours **at actual costs** ($65 an hour plus 15 % overheads) would "
        f"have cost **{money_m(actual)}**, ${n0(abs(fixed - actual) / 1000)},000 "
        f"{'less' if actual < fixed else 'more'}: at the baseline's placeholder price a Groupe "
        f"ME participant is paid for about {price_hours:.0f} hours, and receives about "
        f"{(direct + indirect) / started:.0f} in the year. A fixed-price agreement has no "
        f"ceiling (`NA`). {n0(m('turned_away'))} clients a year were turned away: a referred "
        f"employed client does not wait for a place (rule M6), so when the 400 places are full "
        f"there is no retention for them.")
    header, found = grep_rows(work, out, "grep_retention", "baseline/retention_summary.csv")
    rt = {r["indicator"]: float(r["mean"]) for r in found}
    v["retention_lines"] = shortened_lines(header, found, [
        "participants_started", "hours_per_participant", "employed_end_of_retention_full_time",
        "employed_end_of_retention_part_time", "participants_target", "attainment_pct"])
    v["retention_prose"] = (
        f"Plans that ended in the year gave {rt['hours_per_participant']:.1f} hours each on "
        f"average; {n0(rt['employed_end_of_retention_full_time'])} ended with the client in a "
        f"full-time job and {n0(rt['employed_end_of_retention_part_time'])} in a part-time one "
        f"(plans ending in the year, not the same people as the year's new participants).")
    lines = out["grep_costs"]["stdout"].splitlines()
    with open(Path(work) / "results" / "baseline" / "costs_summary.csv") as f:
        header_line = f.readline().strip()
    v["costs_lines"] = fence("\n".join([header_line] + lines))
    cs = {(r[2], r[3], r[4]): float(r[6]) for r in csv.reader(lines) if r[6] != "NA"}
    org = "Maintien emploi Québec"
    v["costs_prose"] = (
        f"{org} (its Groupe ME and PH2 agreements together) cost "
        f"{money_m(cs[('organisation', org, 'cost')])} in 2026-2027, out of "
        f"${cs[('all', 'all', 'cost')] / 1e6:.1f} million for all the baseline's agreements as "
        f"signed; the same activity would have cost "
        f"${cs[('all', 'all', 'cost_fixed_price')] / 1e6:.1f} million all at fixed prices and "
        f"${cs[('all', 'all', 'cost_actual_costs')] / 1e6:.1f} million all at actual costs.")
    v["size_output"] = fence(out["size"]["stdout"] + stderr_line(out, "size"))
    v["size_seconds"] = f"{out['size']['seconds']:.0f}"
    sizing = rows(Path(work) / "results" / "size_me" / "sizing.csv")
    get = lambda ind, mode: next(r for r in sizing if r["indicator"] == ind and  # noqa: E731
                                 r["funding_mode"] == mode and r["level"] == "all")
    p90 = float(get("participants", "any")["p90"])
    p50 = float(get("participants", "any")["p50"])
    fx = get("cost", "fixed_price")
    ac = get("cost", "actual_costs")
    v["places_output"] = fence(out["places"]["stdout"].strip())
    v["places_table"] = fence(out["places_table"]["stdout"])
    search = rows(Path(work) / "results" / "size_me_places" / "slots_search.csv")
    at400 = next((r for r in search if r["slots"] == "400"), None)
    answer = re.search(r"fewest places serving .*: (\d+)", out["places"]["stdout"])
    prose = ""
    if at400 is not None:
        prose += (f"With the 400 places {100 * float(at400['served_within']):.1f} % of the "
                  f"referred clients are served")
        prose += (f"; {answer.group(1)} would still serve 90 %. " if answer
                  else "; no number of places searched serves 90 %. ")
    v["places_prose"] = prose.strip()
    v["decide"] = (
        f"- Plan for **P90** of `participants` ({n0(p90)} in 2026-2027) as the agreement's "
        f"target when a shortfall of places is costlier than unused places: demand stays below "
        f"it in nine replications out of ten. The signed target, {n0(target)}, is "
        + ("below the median." if target < p50 else
           "above the P90." if target > p90 else "between the median and the P90.") + "\n"
        f"- Budget the agreement at P90 of `cost` under its funding mode: "
        f"{money_m(float(fx['p90']))} at the fixed price, {money_m(float(ac['p90']))} at actual "
        f"costs; the gap between P90 and P50 "
        f"(${n0((float(fx['p90']) - float(fx['p50'])) / 1000)},000 at the fixed price) is what "
        f"the uncertainty of demand costs.")
    return v


def researcher(work, out):
    v = {}
    year = "2027-2028"
    v["compare_seconds"] = f"{out['compare']['seconds']:.0f}"
    folder = "compare_dropout_decreasing_dropout_stepped"
    comp = {r["indicator"]: r for r in rows(Path(work) / "results" / folder /
                                            "comparison_yearly.csv")
            if r["fiscal_year"] == year and r["dimension"] == "all"}
    names = [("parcours_ended_dropout", "Parcours abandoned"),
             ("parcours_ended_employment", "Parcours ended by a job"),
             ("employed_within_followup_of_parcours", "Employed within 3 months of the end"),
             ("arrivals", "Arrivals")]
    body = []
    for ind, text in names:
        r = comp[ind]
        body.append([text, n0(float(r["mean_a"])), n0(float(r["mean_b"])),
                     f"{signed(float(r['difference']))} [{signed(float(r['ci95_low']))}, "
                     f"{signed(float(r['ci95_high']))}]",
                     f"±{float(r['unpaired_half_width']):,.0f}"])
    v["compare_table"] = table(["Indicator", "A: decreasing", "B: stepped",
                                "B − A [95 % paired interval]", "Unpaired half-width"], body)
    d = comp["parcours_ended_dropout"]
    e = comp["parcours_ended_employment"]
    dd, de = float(d["difference"]), float(e["difference"])
    paired = (float(d["ci95_high"]) - float(d["ci95_low"])) / 2
    ratio = paired / float(d["unpaired_half_width"])
    arrivals_same = float(comp["arrivals"]["difference"]) == 0 and float(
        comp["arrivals"]["ci95_high"]) == 0
    prose = ("The stepped hazard accumulates more of its year's hazard in the first months "
             "(H = 0.33 at 13 weeks and 0.49 at 26, against 0.25 and 0.40 for the Weibull), "
             "while most Parcours are still running: ")
    prose += (f"it loses about {about(abs(dd), 10)} {'more' if dd > 0 else 'fewer'} Parcours "
              f"in 2027-2028, and about {about(abs(de), 10)} {'fewer' if de < 0 else 'more'} "
              f"end in a job. ")
    prose += (f"The paired interval of abandonment is {ratio:.2f} times as wide as an unpaired "
              f"one would be: common random numbers bought the precision that independent runs "
              f"would need about {1 / ratio ** 2:.0f} times as many replications for "
              f"(1 / {ratio:.2f}²).")
    prose += (" Arrivals do not differ at all, as they should: the dropout hazard acts after "
              "arrival." if arrivals_same else
              " Arrivals differ a little, though the dropout hazard acts after arrival: look "
              "for a shared random stream.")
    v["compare_prose"] = prose
    v["python_output"] = fence(out["python"]["stdout"])
    v["sweep_seconds"] = f"{out['sweep']['seconds']:.1f}"
    sweep = rows(Path(work) / "results" / "sweep_baseline" / "sweep_yearly.csv")
    pick = {}
    for r in sweep:
        if r["dimension"] == "all" and r["fiscal_year"] == "2025-2026":
            rate = next(r[k] for k in r if "rate_per_week" in k or k in ("x", "parcours.dropout"))
            pick[(float(rate), r["indicator"])] = r
    rates = sorted({k[0] for k in pick})
    v["sweep_table"] = table(
        ["`rate_per_week`", "Parcours abandoned, 2025-2026", "Parcours ended by a job"],
        [[f"{x:g}", with_ci(pick[(x, "parcours_ended_dropout")]),
          with_ci(pick[(x, "parcours_ended_employment")])] for x in rates])
    lo, hi = rates[0], rates[-1]
    dd = mean(pick[(hi, "parcours_ended_dropout")]) - mean(pick[(lo, "parcours_ended_dropout")])
    de = mean(pick[(hi, "parcours_ended_employment")]) - mean(
        pick[(lo, "parcours_ended_employment")])
    v["sweep_prose"] = (
        f"From {100 * lo:g} % to {100 * hi:g} % a week, abandonment "
        f"{'rises' if dd > 0 else 'falls'} by {n0(abs(dd))} Parcours in the first year and "
        f"jobs at the end of a Parcours {'fall' if de < 0 else 'rise'} by {n0(abs(de))}.")
    return v


def readme(work, out):
    v = {}
    with open(Path(work) / "results" / "mine" / "summary_yearly.csv") as f:
        v["summary_line"] = fence(f.readline() + f.readline())
    v["bad_set"] = fence(out["bad_set"]["stderr"].strip().splitlines()[-1])
    last = out["calibrate"]["stdout"].strip().splitlines()
    v["calibrate_prose"] = ("`calibrate` above ends with these lines (run as the tests run it: "
                            "one replication, one simulated year):\n\n" +
                            fence("\n".join(last[-6:])))
    return v


PAGES = {
    "README.md": readme,
    "docs/tutorial_researcher.md": researcher,
    "docs/tutorial_planner.md": planner,
    "docs/tutorial_budget.md": budget,
}


def compute(page, work, outputs):
    return PAGES[page](work, outputs) if page in PAGES else {}
