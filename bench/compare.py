#!/usr/bin/env python3
"""bench/compare's driver: every row is Runbook and its anchors, run alternately (A B A B ...) in this
one run; it prints both medians, the median of the pairwise ratios and peak memory of each, the
instruction counts of the start-up and validation processes, and ends with the Markdown table that
docs/performance.md shows. Run it through bench/compare, which sets up the anchors and builds."""
from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from pairs import Program, Runner, Series, cpu_ratios, instructions, load, machine, ratios
from servers import LoopbackServer, NginxServer
from transports import transport_rows

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


@dataclass
class Sizes:
    records: int
    csv_rows: int
    xlsx_rows: int
    gets: int
    gets_parallel: int
    python_gets: int
    wrk_seconds: int
    pairs: int
    startup_pairs: int


FULL = Sizes(50_000, 1_000_000, 100_000, 10_000, 20_000, 2_000, 2, 5, 21)
# callgrind runs the validation on this smaller corpus (instruction counts scale with its size; the
# 23 MB one would take minutes under valgrind).
CALLGRIND_RECORDS = 5_000
QUICK = Sizes(5_000, 100_000, 10_000, 2_000, 4_000, 300, 1, 5, 5)


@dataclass
class Row:
    """A line of the table: Runbook's series against one anchor's."""
    name: str
    measured: str          # "process" or "in-process"
    unit: str              # "ms" or "req/s"
    target: str            # e.g. "≤ 2.0", "≥ 0.8", "report"
    peak_target: bool = False
    runbook: Series | None = None
    anchor: Series | None = None
    note: str = ""

    def verdict(self, ratio: float) -> str:
        if self.runbook is None or not self.target[0] in "≤≥":
            return ""
        bound = float(self.target[1:].strip())
        met = ratio <= bound if self.target[0] == "≤" else ratio >= bound
        if self.peak_target and self.runbook.peak_mib > self.anchor.peak_mib:
            met = False
        return "met" if met else "missed"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small inputs and 5 pairs: a smoke run")
    parser.add_argument("--pairs", type=int, help="pairs kept after the warm-up (default 5; start-up 21, quick 5)")
    parser.add_argument("--only", default="",
                        help="comma-separated rows: startup,yaml,json,validate,csv,xlsx,http,transports,recording")
    parser.add_argument("--no-callgrind", action="store_true", help="skip the instruction counts")
    parser.add_argument("--python-template", default="",
                        help="command of the Python template's minimal run, for the start-up row (skipped without it)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/runbook-bench"), help="inputs and outputs")
    parser.add_argument("--bin", type=Path, default=ROOT / ".build/release", help="the release binaries")
    parser.add_argument("--markdown", type=Path, help="also write the final table here (default WORK/compare.md)")
    options = parser.parse_args()
    sizes = QUICK if options.quick else FULL
    if options.pairs:
        sizes.pairs = options.pairs
        sizes.startup_pairs = max(options.pairs, sizes.startup_pairs)
    only = set(filter(None, options.only.split(",")))
    wanted = lambda name: not only or name in only  # noqa: E731

    started = time.time()
    about = machine()
    print(f"machine: {about['cpu']}, {about['memory']}, {about['system']}; {about['swift']}; Python {about['python']}")
    print(f"date: {about['date']}; load average at start: {about['load']}")
    print(f"mode: {'quick' if options.quick else 'full'}, {sizes.pairs} pairs after one warm-up round\n")

    work, bin_ = options.work, options.bin
    corpus = corpus_files(work, sizes.records)
    out = work / "compare-out"
    out.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    anchors = BENCH / "anchors"
    runbook, probe = str(bin_ / "runbook"), [str(bin_ / "bench-probe")]
    runner = Runner(work / "bin" / "measure", ROOT)
    rows: list[Row] = []
    counts: list[tuple[str, int, int]] = []
    notes: list[str] = []

    def compare(name: str, measured: str, unit: str, a: Program, pairs_: int, *bs: tuple[Program, str, bool]) -> None:
        print(f"-- {name}", flush=True)
        series = runner.alternate([a, *(b for b, _, _ in bs)], pairs_)
        for one, (b, target, peak) in zip(series[1:], bs):
            rows.append(Row(f"{name} / {b.label}", measured, unit, target, peak, series[0], one))
        report(rows[-len(bs):])

    yaml_mb = corpus["yaml"].stat().st_size / 1e6
    json_mb = corpus["json"].stat().st_size / 1e6
    if wanted("startup"):
        hello = Program("runbook run hello-world demo test", [runbook, "run", "hello-world", "demo", "test"])
        foundation = Program("Foundation-only process", [str(bin_ / "bench-foundation-anchor"), "config/demo-test-config.yaml"])
        extra = []
        if options.python_template:
            extra.append((Program("Python template minimal run", shlex.split(options.python_template)), "≤ 0.02", False))
        compare("start-up", "process", "ms", hello, sizes.startup_pairs, (foundation, "≤ 2.0", False), *extra)
        if not extra:
            rows.append(Row("start-up / Python template minimal run", "process", "ms", "≤ 0.02",
                            note="skipped: the Python template is not on this machine (--python-template CMD)"))
            print("   start-up / Python template: skipped (not on this machine; pass --python-template CMD)\n")
        if not options.no_callgrind:
            counts.append(("start-up: hello-world / Foundation-only",
                           instructions(hello.argv, ROOT, work / "callgrind.hello-world.out"),
                           instructions(foundation.argv, ROOT, work / "callgrind.foundation.out")))
            print_counts(counts[-1])
    if wanted("yaml"):
        compare(f"YAML {yaml_mb:.1f} MB", "in-process", "ms",
                Program("YAMLReader", [*probe, "yaml", str(corpus["yaml"])], "ms"), sizes.pairs,
                (Program("libyaml event parse", [str(work / "bin" / "yaml-events"), str(corpus["yaml"])], "ms"), "≤ 1.2", False),
                (Program("PyYAML CSafeLoader", [python, str(anchors / "yaml_csafe.py"), str(corpus["yaml"])], "ms"), "report", False))
    if wanted("json"):
        compare(f"JSON {json_mb:.1f} MB", "in-process", "ms",
                Program("JSONParser", [*probe, "json", str(corpus["json"])], "ms"), sizes.pairs,
                (Program("Python json.loads", [python, str(anchors / "json_load.py"), str(corpus["json"])], "ms"), "≤ 0.4", True))
    if wanted("validate"):
        validate = Program("runbook validate --schema", [runbook, "validate", "--schema", str(corpus["schema"]), str(corpus["json"])])
        python_validate = Program("json.load + jsonschema-rs", [python, str(anchors / "validate_jsonschema_rs.py"),
                                                                str(corpus["schema"]), str(corpus["json"])])
        compare(f"validate {json_mb:.1f} MB, formats on", "process", "ms", validate, sizes.pairs,
                (python_validate, "≤ 0.5", True))
        if not options.no_callgrind:
            small = corpus_files(work, CALLGRIND_RECORDS)
            small_mb = small["json"].stat().st_size / 1e6
            arguments = lambda program: program.argv[:-2] + [str(small["schema"]), str(small["json"])]  # noqa: E731
            counts.append((f"validate {small_mb:.1f} MB ({CALLGRIND_RECORDS:,} records): runbook / Python + jsonschema-rs",
                           instructions(arguments(validate), ROOT, work / "callgrind.validate.out"),
                           instructions(arguments(python_validate), ROOT, work / "callgrind.validate-python.out")))
            print_counts(counts[-1])
    if wanted("csv"):
        compare(f"CSV {sizes.csv_rows:,} rows x 8", "in-process", "ms",
                Program("CSVWriter", [*probe, "csv", str(sizes.csv_rows), str(out)], "ms"), sizes.pairs,
                (Program("Python csv", [python, str(anchors / "csv_write.py"), str(sizes.csv_rows), str(out / "anchor.csv")], "ms"), "≤ 0.2", False))
    if wanted("xlsx"):
        compare(f"XLSX {sizes.xlsx_rows:,} rows x 8", "in-process", "ms",
                Program("XLSX writer", [*probe, "xlsx", str(sizes.xlsx_rows), str(out)], "ms"), sizes.pairs,
                (Program("openpyxl write-only", [python, str(anchors / "xlsx_openpyxl.py"), str(sizes.xlsx_rows), str(out / "anchor.xlsx")], "ms"), "≤ 0.05", False))
    if wanted("http"):
        http_rows(compare, probe, python, anchors, sizes, bin_, work)
    if wanted("transports"):
        def add(name: str, unit: str, target: str, a: Series, b: Series) -> None:
            rows.append(Row(name, "in-process" if unit == "req/s" else "process", unit, target, False, a, b))
            report(rows[-1:])
        transport_rows(runner, add, sizes, bin_, work)
    if wanted("recording"):
        recording_rows(compare, runner, probe, sizes, work, counts, notes, not options.no_callgrind)

    print(f"load average at end: {load()}; {time.time() - started:.0f} s in all\n")
    table = markdown(rows, counts, notes, about, sizes, options.quick)
    print(table)
    (options.markdown or work / "compare.md").write_text(table)
    return 0


def http_rows(compare, probe, python, anchors, sizes: Sizes, bin_: Path, work: Path) -> None:
    wrk = lambda connections: ["wrk", "-t1", f"-c{connections}", f"-d{sizes.wrk_seconds}s"]  # noqa: E731
    with LoopbackServer([str(bin_ / "bench-probe"), "serve"]) as server:
        base, url = server.base, server.base + "customers/42"
        compare("sequential GETs, loopback server", "in-process", "req/s",
                Program("full client", [*probe, "http-sequential", base, str(sizes.gets)], "rate", sizes.gets), sizes.pairs,
                (Program("wrk -c1", [*wrk(1), url], "wrk"), "≥ 0.8", False),
                (Program("requests.Session", [python, str(anchors / "http_requests.py"), url, str(sizes.python_gets)],
                         "rate", sizes.python_gets), "report", False))
        compare("8 GETs in flight, loopback server", "in-process", "req/s",
                Program("full client", [*probe, "http-parallel", base, str(sizes.gets_parallel), "8"], "rate",
                        sizes.gets_parallel), sizes.pairs,
                (Program("wrk -c8", [*wrk(8), url], "wrk"), "report", False))
    with NginxServer(work / "nginx") as server:
        base, url = server.base, server.base + "customers/42"
        compare("sequential GETs, nginx", "in-process", "req/s",
                Program("full client", [*probe, "http-sequential", base, str(sizes.gets)], "rate", sizes.gets), sizes.pairs,
                (Program("wrk -c1", [*wrk(1), url], "wrk"), "report", False))


def recording_rows(compare, runner: Runner, probe: list[str], sizes: Sizes, work: Path, counts, notes: list[str],
                   callgrind: bool) -> None:
    """Issue 12's speed: recording (metrics and tracing on, no-op backends) must be nearly free.
    The GET row pairs the instrumented client with the plain one (more pairs: the difference is
    small); the start-up figure is the first use of the run's span and metrics in a fresh process
    (`bench-probe run-observability`), which is what `runbook run` pays for them at start-up."""
    with LoopbackServer([probe[0], "serve"]) as server:
        base = server.base
        compare("sequential GETs, metrics + tracing on / off", "in-process", "req/s",
                Program("instrumented", [*probe, "http-instrumented", base, str(sizes.gets)], "rate", sizes.gets),
                max(sizes.pairs, 11),
                (Program("plain client", [*probe, "http-sequential", base, str(sizes.gets)], "rate", sizes.gets),
                 "≥ 0.95", False))
        if callgrind:
            gets = 2_000
            counts.append((f"{gets:,} sequential GETs, client process: metrics + tracing on / off",
                           instructions([*probe, "http-instrumented", base, str(gets)], ROOT, work / "callgrind.gets-on.out"),
                           instructions([*probe, "http-sequential", base, str(gets)], ROOT, work / "callgrind.gets-off.out")))
            print_counts(counts[-1])
    print("-- recording at start-up (run span, outcome, run metrics; first use in a fresh process)", flush=True)
    cold = [runner.run(Program("run observability", [*probe, "run-observability", "on", "0"], "ms")).value
            for _ in range(sizes.startup_pairs)]
    median = statistics_median(cold)
    note = (f"Recording at start-up: the run's span, its outcome and the run's metrics (no-op backends), first use in a "
            f"fresh process, median {median:.3f} ms over {len(cold)} processes ({min(cold):.3f}–{max(cold):.3f}); "
            f"target ≤ 1 ms: {'met' if median <= 1 else 'missed'}.")
    if callgrind:
        on = instructions([*probe, "run-observability", "on", "0"], ROOT, work / "callgrind.recording-on.out")
        off = instructions([*probe, "run-observability", "off", "0"], ROOT, work / "callgrind.recording-off.out")
        note += f" Instructions: {(on - off) / 1e6:.2f} M ({on / 1e6:.2f} M with, {off / 1e6:.2f} M without)."
    print(f"   {note}\n", flush=True)
    notes.append(note)


def corpus_files(work: Path, records: int) -> dict[str, Path]:
    folder = work / f"corpus-{records}"
    files = {"schema": folder / "org-config.schema.json", "json": folder / f"org-config-{records}.json",
             "yaml": folder / f"org-config-{records}.yaml"}
    if not all(path.exists() for path in files.values()):
        print(f"generating the corpus ({records} records) into {folder}", flush=True)
        subprocess.run([sys.executable, str(BENCH / "config_corpus.py"), "--records", str(records), "--out", str(folder)],
                       check=True, stdout=subprocess.DEVNULL)
    return files


def figure(value: float, unit: str) -> str:
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"


def report(rows: list[Row]) -> None:
    a = rows[0].runbook
    print(f"   {a.program.label}: " + " ".join(f"{s.value:.1f}" for s in a.samples))
    for row in rows:
        b, r = row.anchor, ratios(row.runbook, row.anchor)
        print(f"   {b.program.label}: " + " ".join(f"{s.value:.1f}" for s in b.samples))
        print(f"   {row.name}: medians {figure(a.median, row.unit)} vs {figure(b.median, row.unit)}, "
              f"ratio {statistics_median(r):.3f} (pairs {min(r):.3f}-{max(r):.3f}), CPU-time ratio {cpu_ratio(row)}, "
              f"peak {a.peak_mib:.1f} vs {b.peak_mib:.1f} MiB, process CPU {cpu(a):,.0f} vs {cpu(b):,.0f} ms "
              f"{row.verdict(statistics_median(r))}")
    print(flush=True)


def cpu_ratio(row: Row) -> str:
    """The median of the pairs' CPU-time ratios (time rows only): it moves less with the load."""
    values = cpu_ratios(row.runbook, row.anchor)
    return f"{statistics_median(values):.3f}" if row.unit == "ms" and values else "-"


def cpu(series: Series) -> float:
    """The median CPU time (user + system) of the whole process, ms."""
    return statistics_median([s.cpu_ms for s in series.samples])


def statistics_median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def print_counts(count: tuple[str, int, int]) -> None:
    name, a, b = count
    print(f"   instructions, {name}: {a / 1e6:,.1f} M vs {b / 1e6:,.1f} M ({a / b:.2f}x)\n", flush=True)


def markdown(rows: list[Row], counts, notes: list[str], about: dict[str, str], sizes: Sizes, quick: bool) -> str:
    lines = [
        f"Measured {about['date']} on {about['cpu']}, {about['memory']} ({about['system']}), {about['swift']}, "
        f"Python {about['python']}; load average {about['load']} at the start, {load()} at the end; "
        f"{'quick mode, ' if quick else ''}{sizes.pairs} pairs after a warm-up ({sizes.startup_pairs} for start-up).",
        "",
        "| row | measured | Runbook | anchor | ratio: median of pairs (their range) | CPU-time ratio | target | peak Runbook / anchor | |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        if row.runbook is None:
            lines.append(f"| {row.name} | {row.measured} | | | | | {row.target} | | {row.note} |")
            continue
        pairs = ratios(row.runbook, row.anchor)
        ratio = statistics_median(pairs)
        kind = "rate" if row.unit == "req/s" else "time"
        lines.append(
            f"| {row.name} | {row.measured} | {figure(row.runbook.median, row.unit)} | {figure(row.anchor.median, row.unit)} "
            f"| {ratio:.3f} {kind} ({min(pairs):.2f}–{max(pairs):.2f}) | {cpu_ratio(row)} "
            f"| {row.target}{', peak ≤' if row.peak_target else ''} "
            f"| {row.runbook.peak_mib:.1f} / {row.anchor.peak_mib:.1f} MiB | {row.verdict(ratio)} |")
    if counts:
        lines += ["", "| instructions (callgrind, whole process) | Runbook | anchor | ratio |", "|---|---|---|---|"]
        for name, a, b in counts:
            lines.append(f"| {name} | {a / 1e6:,.1f} M | {b / 1e6:,.1f} M | {a / b:.2f} |")
    if notes:
        lines += [""] + notes
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
