"""Paired measurement for bench/compare: programs run alternately through the `measure` launcher,
medians, pairwise ratios, peak memory, callgrind instruction counts, the machine's description."""
from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Program:
    """One side of a row. `figure` says what a run's number is: "wall" (the process's wall time, ms),
    "ms" (the `ms <n>` line the program prints: its work alone), "rate" (requests/s: `count` over the
    printed ms) or "wrk" (the `Requests/sec:` wrk prints)."""
    label: str
    argv: list[str]
    figure: str = "wall"
    count: int = 0

    def work_cpu(self, output: str, process_cpu_ms: float) -> float:
        """CPU ms of the work: the `cpu <n>` the program prints, else the whole process's (rusage)."""
        found = re.search(r"^ms [0-9.]+ cpu ([0-9.]+)", output, re.MULTILINE)
        return float(found.group(1)) if found and self.figure in ("ms", "rate") else process_cpu_ms

    def value(self, output: str, wall_ms: float) -> float:
        if self.figure == "wall":
            return wall_ms
        if self.figure == "wrk":
            found = re.search(r"Requests/sec:\s*([0-9.]+)", output)
            errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: .*", output)
            if not found or errors:
                raise RuntimeError(f"{self.label}: wrk failed:\n{output}")
            return float(found.group(1))
        found = re.search(r"^ms ([0-9.]+)", output, re.MULTILINE)
        if not found:
            raise RuntimeError(f"{self.label}: no 'ms' line in its output:\n{output[-2000:]}")
        ms = float(found.group(1))
        return self.count / ms * 1e3 if self.figure == "rate" else ms


@dataclass
class Sample:
    value: float
    wall_ms: float
    peak_kib: int
    cpu_ms: float          # the whole process's user + system time
    work_cpu_ms: float     # the CPU time of the figure's work (the process's for "wall" figures)


@dataclass
class Series:
    program: Program
    samples: list[Sample] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(s.value for s in self.samples)

    @property
    def peak_mib(self) -> float:
        return max(s.peak_kib for s in self.samples) / 1024


class Runner:
    """Runs programs through the `measure` launcher (posix_spawn, wait4: wall time and ru_maxrss)."""

    def __init__(self, measure: Path, cwd: Path):
        self.measure = measure
        self.cwd = cwd

    def run(self, program: Program) -> Sample:
        with tempfile.NamedTemporaryFile("r", prefix="bench-out-", suffix=".txt") as out:
            result = subprocess.run([str(self.measure), out.name, *program.argv], cwd=self.cwd,
                                    capture_output=True, text=True, check=True)
            ns, peak, status, cpu = result.stdout.split()
            output = Path(out.name).read_text(errors="replace")
        if int(status) != 0:
            raise RuntimeError(f"{program.label} exited {status}: {' '.join(program.argv)}\n{output[-2000:]}")
        wall_ms, cpu_ms = int(ns) / 1e6, int(cpu) / 1e3
        return Sample(program.value(output, wall_ms), wall_ms, int(peak), cpu_ms, program.work_cpu(output, cpu_ms))

    def alternate(self, programs: list[Program], pairs: int, warmups: int = 1) -> list[Series]:
        """A B A B ...: `warmups` rounds discarded, then `pairs` rounds kept."""
        series = [Series(p) for p in programs]
        for round_index in range(warmups + pairs):
            for one in series:
                sample = self.run(one.program)
                if round_index >= warmups:
                    one.samples.append(sample)
        return series


def ratios(a: Series, b: Series) -> list[float]:
    return [x.value / y.value for x, y in zip(a.samples, b.samples)]


def cpu_ratios(a: Series, b: Series) -> list[float]:
    return [x.work_cpu_ms / y.work_cpu_ms for x, y in zip(a.samples, b.samples) if y.work_cpu_ms > 0]


def instructions(argv: list[str], cwd: Path, out: Path) -> int:
    """Instructions executed by the process (all its threads), counted by callgrind. Valgrind 3.19
    gives up on some of Swift 6.3's release binaries ("Possibly corrupted debuginfo file"): then the
    count is taken again on a copy without the debug information (`strip --strip-debug`, the symbol
    table stays, so the profile keeps its function names)."""
    found = callgrind_total(argv, cwd, out)
    if found is None and Path(argv[0]).is_file():
        with tempfile.TemporaryDirectory(prefix="callgrind-") as folder:
            copy = Path(folder) / Path(argv[0]).name
            subprocess.run(["strip", "--strip-debug", "-o", str(copy), argv[0]], check=True)
            found = callgrind_total([str(copy), *argv[1:]], cwd, out)
    if found is None:
        raise RuntimeError(f"callgrind wrote no totals for {' '.join(argv)}")
    return found


def callgrind_total(argv: list[str], cwd: Path, out: Path) -> int | None:
    out.unlink(missing_ok=True)
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv], cwd=cwd,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    text = out.read_text(errors="replace") if out.exists() else ""
    found = re.search(r"^(?:summary|totals):\s*(\d+)", text, re.MULTILINE)
    return int(found.group(1)) if found else None


def machine() -> dict[str, str]:
    model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "0")
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    swift_line = next((line for line in swift if "Swift version" in line), "swift: unknown")
    return {
        "cpu": f"{model}, {os.cpu_count()} cores",
        "memory": f"{int(memory) / 1024 / 1024:.0f} GiB",
        "system": f"{platform.system()} {platform.release()}",
        "swift": swift_line.strip(),
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load": load(),
    }


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"
