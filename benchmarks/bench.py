#!/usr/bin/env python3
"""Throughput, memory and start-up benchmark of the ``recoupe`` command (issue 6).

Builds a deterministic corpus from ``seeds/*.txt`` at several sizes, runs ``recoupe extract`` and
``recoupe check`` on each as whole processes (what a user waits for: interpreter start-up, imports,
reading, extracting, rendering), and compares with a baseline measured in the same run: one
compiled ``regex`` pattern for French numbers scanning the same files in-process.

Then ``recoupe discover`` on a corpus of varied documents (benchmarks/discovery.py, press.py).

Standard library only, plus ``regex`` (a dependency of recoupe). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import regex

import discovery  # benchmarks/discovery.py: run as a script, this folder is on the path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"
MB = 1_000_000

# Targets of issue 6.
TARGET_EXTRACT_MBPS = 5.0
TARGET_CHECK_MBPS = 3.0
TARGET_GROWTH_25_OVER_5 = 5.5
TARGET_STARTUP_S = 0.3
TARGET_SPEEDUP = 1.6  # --jobs 2 over --jobs 1, extraction, largest corpus
TARGET_CACHED_RATIO = 0.1  # a second run on an unchanged corpus, over the first
# Issue 17: check's peak memory above that of a check of one small file, per MB of corpus.
TARGET_CHECK_MB_PER_MB = 1.0
MEMORY_SIZES = (25.0, 100.0)  # where it is measured; a size not among --sizes gets one check run of its own
MEMORY_JUDGED_FROM = 25.0  # on smaller corpora a few MB of allocator noise are several MB per MB

# Files of realistic size: each between these bounds (the last file of a corpus may be shorter).
FILE_MIN_BYTES = 20_000
FILE_MAX_BYTES = 50_000

# The baseline: French numbers with their grouping, decimal comma and an optional scale, currency
# or percent, as one compiled pattern. What any extractor has to do at the very least.
_SP = "[ \u00a0\u202f]"
BASELINE_PATTERN = regex.compile(
    r"(?<![\p{L}\p{N}])[-+~]?"
    rf"(?:\d{{1,3}}(?:{_SP}\d{{3}})+|\d{{1,3}}(?:\.\d{{3}})+|\d+)(?:,\d+)?"
    rf"(?:{_SP}?(?:milliards?|millions?|mille|Mds?|M€|k€|M|k|%|€)"
    r"(?:\s(?:d['’]\s?)?(?:euros?|dollars?))?)?"
    r"(?![\p{L}\p{N}])",
    regex.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# Corpus


def seed_texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        sys.exit(f"bench: no seed texts in {SEEDS}")
    return [path.read_text(encoding="utf-8") for path in paths]


def document(number: int, seeds: list[str]) -> str:
    """Document ``number`` of the corpus: a header line, then seed texts in an order and up to a size
    that depend only on ``number`` (so the 1 MB corpus is a prefix of the 5 MB one)."""
    rng = random.Random(number)
    target = rng.randint(FILE_MIN_BYTES, FILE_MAX_BYTES)
    parts = [f"Document n° {number} du corpus de mesure — revue de presse {number % 97 + 1}\n\n"]
    size = len(parts[0].encode("utf-8"))
    order: list[int] = []
    while size < target:
        if not order:
            order = list(range(len(seeds)))
            rng.shuffle(order)
        text = seeds[order.pop()]
        parts.append(text if text.endswith("\n") else text + "\n")
        parts.append("\n")
        size += len(text.encode("utf-8")) + 2
    return "".join(parts)


def build_corpus(folder: Path, size_bytes: int, seeds: list[str]) -> tuple[int, int]:
    """Write files into ``folder`` until they hold at least ``size_bytes``; (files, bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    total = files = 0
    while total < size_bytes:
        data = document(files, seeds).encode("utf-8")
        if total + len(data) > size_bytes and total + FILE_MIN_BYTES // 2 > size_bytes:
            data = data[: max(size_bytes - total, 1)]  # a short last file; cut on a character
            data = data.decode("utf-8", errors="ignore").encode("utf-8")
        (folder / f"doc_{files:05d}.txt").write_bytes(data)
        total += len(data)
        files += 1
    return files, total


# ---------------------------------------------------------------------------------------------
# Measurement


@dataclass
class Run:
    seconds: float
    peak_mb: float
    status: int
    cpu_seconds: float = 0.0
    error: str | None = None


# Children run as installed software runs: with its bytecode cache (a sandbox or CI image that sets
# PYTHONDONTWRITEBYTECODE would otherwise make every run recompile checker/ and cli/), no colour.
CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"} | {"NO_COLOR": "1"}


def find_recoupe() -> str:
    beside = Path(sys.executable).parent / "recoupe"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("recoupe")
    if found:
        return found
    sys.exit("bench: no 'recoupe' executable beside the Python running this script nor on PATH "
             "(run it with the venv's python, e.g. `make bench`)")


def run(command: list[str], cwd: Path, timeout: float | None = None) -> Run:
    """Run ``command`` with stdout discarded; wall time, and the peak RSS of that very process.

    ``os.wait4`` returns the resource usage of the one child waited for (its own peak RSS, not the
    maximum over every child this script ever ran, which is what RUSAGE_CHILDREN would give).
    """
    stderr = tempfile.TemporaryFile()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr, cwd=cwd, env=CHILD_ENV)
    deadline = None if timeout is None else start + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, 0 if deadline is None else os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            _, _, usage = os.wait4(process.pid, 0)
            process.returncode = -9
            return Run(time.perf_counter() - start, usage.ru_maxrss / 1024, -9, 0.0, f"stopped after {timeout:.0f} s (--timeout)")
        time.sleep(0.005)
    seconds = time.perf_counter() - start
    process.returncode = code = os.waitstatus_to_exitcode(status)
    error = None
    if code not in (0, 1):  # 1 is "conflicts found", a result; 2 and others are errors
        stderr.seek(0)
        message = stderr.read().decode("utf-8", "replace").strip().splitlines()
        error = f"exit code {code}: {message[-1] if message else 'no message'}"
    # ru_maxrss is in KiB on Linux; with worker processes (recoupe --jobs) it is the largest of the
    # process and its reaped workers, not their sum. CPU time covers them all.
    return Run(seconds, usage.ru_maxrss / 1024, code, usage.ru_utime + usage.ru_stime, error)


def baseline(folder: Path) -> tuple[float, int]:
    """Seconds to read every file of ``folder`` and scan it with one compiled pattern; matches."""
    start = time.perf_counter()
    found = 0
    for path in sorted(folder.iterdir()):
        text = path.read_text(encoding="utf-8")
        for _ in BASELINE_PATTERN.finditer(text):
            found += 1
    return time.perf_counter() - start, found


def median_seconds(command: list[str], cwd: Path, times: int = 5) -> tuple[float, str | None]:
    runs = [run(command, cwd) for _ in range(times)]
    errors = [r.error for r in runs if r.error]
    return statistics.median(r.seconds for r in runs), errors[0] if errors else None


def same_outputs(recoupe: str, folder: Path, workdir: Path, timeout: float) -> list[tuple[str, bool | None]]:
    """Issue 6's acceptance: byte for byte the same output from --jobs 1, --jobs 2, a run filling the
    extraction cache, a run reading it (its replays removed, so every document comes from the
    extraction cache), a replayed run, and --engine dask when dask is installed.

    (label, True when identical / False / None when that way could not run), for ``extract --format
    jsonl`` and ``check --format json``.
    """
    import sqlite3

    verdicts: list[tuple[str, bool | None]] = []
    has_dask = subprocess.run([str(Path(recoupe).parent / "python"), "-c", "import distributed"], capture_output=True).returncode == 0
    for name, command in (
        ("extract --format jsonl", [recoupe, "extract", str(folder), "--format", "jsonl"]),
        ("check --format json", [recoupe, "check", str(folder), "--format", "json", "--rules", str(RULES), "--fail-on", "never"]),
    ):
        cwd = fresh(workdir / "cwd-same")
        ways = {
            "--jobs 1": ["--jobs", "1", "--no-cache"],
            "--jobs 2": ["--jobs", "2", "--no-cache"],
            "cache filled": ["--jobs", "2"],
            "cache read": ["--jobs", "2"],
            "replayed": ["--jobs", "2"],
            "--engine dask": ["--engine", "dask", "--jobs", "2", "--no-cache"],
        }
        outputs: dict[str, bytes | None] = {}
        for way, extra in ways.items():
            if way == "--engine dask" and not has_dask:
                outputs[way] = None
                continue
            if way == "cache read":  # keep the extraction rows, drop the replays of whole runs
                with sqlite3.connect(cwd / ".recoupe_cache" / "extract.sqlite3") as connection:
                    connection.execute("DELETE FROM replay")
                connection.close()
            done = subprocess.run([*command, *extra], cwd=cwd, capture_output=True, timeout=timeout, env=CHILD_ENV)
            outputs[way] = done.stdout if done.returncode in (0, 1) else None
        reference = outputs["--jobs 1"]
        for way, output in outputs.items():
            if way != "--jobs 1":
                verdicts.append((f"{name}: {way} = --jobs 1", None if output is None or reference is None else output == reference))
    return verdicts


# ---------------------------------------------------------------------------------------------
# Report


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def parse_sizes(text: str) -> list[float]:
    try:
        sizes = sorted({float(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes must be numbers of MB separated by commas, not {text!r}") from None
    if not sizes or sizes[0] <= 0:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, default=None, help="corpus sizes in MB (10^6 bytes), comma separated [default: 1,5,25]")
    parser.add_argument("--quick", action="store_true", help="sizes 0.2,1: a smoke test, no growth target")
    parser.add_argument("--workdir", type=Path, help="build the corpus here (kept) instead of a temporary folder (removed)")
    parser.add_argument("--timeout", type=float, default=1800, help="stop if one run takes longer, in seconds [default: 1800]")
    parser.add_argument("--jobs", type=int, default=None, help="pass --jobs N to recoupe extract and check [default: recoupe's own default]")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails (default: report only, exit 0)")
    parser.add_argument("--repeat", type=int, default=3, help="cold runs of each command, the fastest kept [default: 3]")
    parser.add_argument("--discovery", action="store_true", help="only the discovery part (recoupe discover on varied documents)")
    parser.add_argument("--memory-sizes", type=parse_sizes, default=None,
                        help="corpus sizes in MB where check's peak memory per MB is measured [default: 25,100; with --quick: 1]")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([0.2, 1.0] if args.quick else [1.0, 5.0, 25.0])
    memory_sizes = args.memory_sizes or ([1.0] if args.quick else list(MEMORY_SIZES))

    recoupe = find_recoupe()
    seeds = seed_texts()
    workdir = args.workdir.resolve() if args.workdir else Path(tempfile.mkdtemp(prefix="recoupe-bench-"))
    try:
        failed = measure(recoupe, seeds, sizes, workdir, args.timeout, [] if args.jobs is None else ["--jobs", str(args.jobs)],
                         max(args.repeat, 1), args.discovery, memory_sizes)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed and args.strict else 0


def measure(
    recoupe: str, seeds: list[str], sizes: list[float], workdir: Path, timeout: float, jobs: list[str], repeat: int = 3,
    only_discovery: bool = False, memory_sizes: list[float] | None = None,
) -> bool:
    """Run every measurement and print the report; True when a target fails."""
    if only_discovery:
        return report(discovery.measure(recoupe, sizes, workdir, timeout, repeat, run, fresh))
    print(f"recoupe: {recoupe}")
    print(f"python: {sys.version.split()[0]}  cpus: {os.cpu_count()}  corpus: {workdir}")
    print(f"seeds: {len(seeds)} texts, files of {FILE_MIN_BYTES // 1000}-{FILE_MAX_BYTES // 1000} kB"
          f"  jobs: {jobs[1] if jobs else 'recoupe default'}  cold runs: fastest of {repeat}\n", flush=True)

    # Warm the file cache and the bytecode cache, so the first measurement is not an outlier.
    # Every run has its own empty working folder: no configuration file is found above it, and an
    # extraction cache kept in the working folder (.recoupe_cache) starts cold.
    startup_cwd = fresh(workdir / "cwd-startup")
    run([recoupe, "--version"], startup_cwd)
    small_seed = min(sorted(SEEDS.glob("*.txt")), key=lambda p: p.stat().st_size)
    run([recoupe, "check", str(small_seed), "--format", "json", "--rules", str(RULES), "--fail-on", "never"], startup_cwd)

    startup_version, version_error = median_seconds([recoupe, "--version"], startup_cwd)
    # each timed check reads a file it has never seen (a copy of the seed with a line of its own),
    # so the run is a real one: no replay of an earlier output, no figure from the cache; only the
    # rules, validated by the warm-up run, are not validated again
    fresh_files = []
    for number in range(5):
        copy = startup_cwd / f"nouveau-{number}.txt"
        copy.write_text(small_seed.read_text(encoding="utf-8") + f"\nMise à jour n° {number} : {number + 3} projets.\n", encoding="utf-8")
        fresh_files.append(copy)
    check_runs = [run([recoupe, "check", str(copy), "--format", "json", "--rules", str(RULES), "--fail-on", "never"], startup_cwd)
                  for copy in fresh_files]
    startup_check = statistics.median(measured.seconds for measured in check_runs)
    start_peak = statistics.median(measured.peak_mb for measured in check_runs)  # the fixed start of check's memory
    check_error = next((measured.error for measured in check_runs if measured.error), None)
    print("start-up (median of 5)")
    print(f"  recoupe --version{'':<32}{startup_version:7.3f} s" + (f"  ERROR {version_error}" if version_error else ""))
    label = f"recoupe check, a new {small_seed.stat().st_size / 1000:.1f} kB file"
    print(f"  {label:<49}{startup_check:7.3f} s  peak {start_peak:.0f} MB" + (f"  ERROR {check_error}" if check_error else "") + "\n", flush=True)
    failed = bool(version_error or check_error)

    header = f"{'command':<9}{'MB':>7}{'files':>7}{'seconds':>10}{'MB/s':>9}{'docs/s':>9}{'peak MB':>9}{'x baseline':>12}{'cpu s':>8}"
    print(header)
    print("-" * len(header), flush=True)
    results: dict[str, dict[float, tuple[float, float]]] = {"baseline": {}, "extract1": {}, "extractN": {}, "extract": {}, "check": {}}
    cpu: dict[str, dict[float, float]] = {}  # CPU seconds of each run kept, workers included
    peaks: dict[str, dict[float, tuple[float, float]]] = {}  # (MB of corpus, peak MB) of each run kept
    parallel_jobs = jobs[1] if jobs else str(os.cpu_count() or 1)
    errors: list[str] = []
    for size in sizes:
        folder = workdir / f"corpus-{size:g}MB"
        files, total = build_corpus(folder, int(size * MB), seeds)
        megabytes = total / MB
        base_seconds, _ = baseline(folder)
        base_seconds = min(base_seconds, baseline(folder)[0])  # best of two: the cache is warm
        rows = [("baseline", Run(base_seconds, float("nan"), 0, base_seconds))]
        commands = {
            # one core: the extraction target; the same on every core: the speed-up of --jobs;
            # then recoupe's default (every core, the cache filled as it goes)
            "extract1": [recoupe, "extract", str(folder), "--format", "jsonl", "--jobs", "1", "--no-cache"],
            "extractN": [recoupe, "extract", str(folder), "--format", "jsonl", "--jobs", parallel_jobs, "--no-cache"],
            "extract": [recoupe, "extract", str(folder), "--format", "jsonl", *jobs],
            "check": [recoupe, "check", str(folder), "--format", "json", "--rules", str(RULES), "--fail-on", "never", *jobs],
        }
        # cold runs: the fastest of ``repeat``, each in a new empty folder (the machine's noise only
        # ever slows a run down), taken in turns, one of each command then again, so that a busy
        # spell of the host does not slow every run of one command; the cached runs follow in the
        # folder of each command's last cold run
        cold: dict[str, list[Run]] = {name: [] for name in commands}
        for attempt in range(repeat):
            for name, command in commands.items():
                if not cold[name] or not cold[name][-1].error:
                    cold[name].append(run(command, fresh(workdir / f"cwd-{name}-{size:g}MB"), timeout))
        for name, command in commands.items():
            errored = [measured for measured in cold[name] if measured.error]
            rows.append((name, errored[0] if errored else min(cold[name], key=lambda measured: measured.seconds)))
            cwd = workdir / f"cwd-{name}-{size:g}MB"
            if (cwd / ".recoupe_cache").exists():  # recoupe kept a cache: a second run reads it
                rows.append((f"{name}*", run(command, cwd, timeout)))
                # and a third one after one document changed: no replay, that document extracted
                # again, every figure rendered (and for check bound and compared) anew
                changed = sorted(folder.iterdir())[files // 2]
                original = changed.read_bytes()
                changed.write_bytes(original + "\nMise à jour : 12 projets de plus.\n".encode("utf-8"))
                try:
                    rows.append((f"{name}~", run(command, cwd, timeout)))
                finally:
                    changed.write_bytes(original)
        for name, measured in rows:
            if measured.error:
                errors.append(f"{name} {size:g} MB: {measured.error}")
                print(f"{name:<9}{megabytes:>7.2f}{files:>7}  ERROR {measured.error}", flush=True)
                continue
            results.setdefault(name, {})[size] = (megabytes, measured.seconds)
            cpu.setdefault(name, {})[size] = measured.cpu_seconds
            peaks.setdefault(name, {})[size] = (megabytes, measured.peak_mb)
            ratio = measured.seconds / base_seconds if base_seconds > 0 else float("inf")
            peak = "-" if name == "baseline" else f"{measured.peak_mb:.0f}"
            print(
                f"{name:<9}{megabytes:>7.2f}{files:>7}{measured.seconds:>10.2f}{megabytes / measured.seconds:>9.2f}"
                f"{files / measured.seconds:>9.1f}{peak:>9}{ratio:>11.1f}x{measured.cpu_seconds:>8.2f}",
                flush=True,
            )
        print(flush=True)

    if any(name.endswith("*") for name in results):
        print("* a second run in the same working folder, on the unchanged corpus: recoupe replays the output")
        print("  the first run kept in its cache (README, Performance)")
        print("~ a third run after one document changed: that document is extracted again, the others are read")
        print("  from the extraction cache, and every figure is bound, compared and written anew")
        print("  growth and targets below use the first (cold) runs\n")
    if len(sizes) > 1:
        print("growth from one size to the next (time ratio / size ratio; 1.0 is linear)")
        for name in ("extract1", "extractN", "extract", "check"):
            for small, large in zip(sizes, sizes[1:]):
                if small not in results[name] or large not in results[name]:
                    continue
                (mb_small, s_small), (mb_large, s_large) = results[name][small], results[name][large]
                time_ratio, size_ratio = s_large / s_small, mb_large / mb_small
                print(f"  {name:<8}{small:>5g} -> {large:<5g} MB: time x{time_ratio:5.2f} for size x{size_ratio:5.2f}"
                      f"  ({time_ratio / size_ratio:.2f})")
        print()

    memory = check_memory(recoupe, seeds, memory_sizes or [], peaks.get("check", {}), start_peak, workdir, timeout, jobs)
    checked = [size for size in sizes if size <= 5.0] or sizes[:1]
    identical: list[tuple[str, bool | None]] = []
    if checked:
        size = max(checked)
        print(f"same output, byte for byte, at {size:g} MB", flush=True)
        identical = same_outputs(recoupe, workdir / f"corpus-{size:g}MB", workdir, timeout)
        for text, ok in identical:
            print(f"  {'yes' if ok else 'NO' if ok is False else 'not run'}  {text}")
        print()

    discovered = discovery.measure(recoupe, sizes, workdir, timeout, repeat, run, fresh)
    print("targets (issues 6, 15 and 17)")
    checks: list[tuple[str, bool | None]] = [(f"runs without error: {error}", False) for error in errors]
    if identical:
        differing = [text for text, ok in identical if ok is False]
        checks.append((f"same output from every way of running at {max(checked):g} MB"
                       + (f": differs for {', '.join(differing)}" if differing else ""), not differing))
    for name, target, label in (("extract1", TARGET_EXTRACT_MBPS, "extraction on one core (--jobs 1)"), ("check", TARGET_CHECK_MBPS, "check")):
        if not results[name]:
            checks.append((f"{label} >= {target:g} MB/s: no successful run", False))
            continue
        largest = max(results[name])
        mbps = results[name][largest][0] / results[name][largest][1]
        checks.append((f"{label} >= {target:g} MB/s at {largest:g} MB: {mbps:.2f} MB/s", mbps >= target))
    if results["extract1"] and results["extractN"]:
        largest = max(set(results["extract1"]) & set(results["extractN"]))
        speedup = results["extract1"][largest][1] / results["extractN"][largest][1]
        # The same work on every core should cost about the CPU time it costs on one: much more
        # says the cores ran slower together (a busy host: neighbours on the same physical cores).
        cpu_ratio = cpu["extractN"][largest] / cpu["extract1"][largest] if cpu["extract1"][largest] else float("nan")
        checks.append((f"extraction speed-up of --jobs {parallel_jobs} over --jobs 1 (both --no-cache) at {largest:g} MB"
                       f" >= {TARGET_SPEEDUP:g}: x{speedup:.2f} (CPU seconds x{cpu_ratio:.2f} those of --jobs 1)", speedup >= TARGET_SPEEDUP))
    for name in ("extract", "check"):
        cached = results.get(f"{name}*", {})
        if cached and results[name]:
            largest = max(set(cached) & set(results[name]))
            ratio = cached[largest][1] / results[name][largest][1]
            checks.append((f"{name}: a cached second run at {largest:g} MB < {TARGET_CACHED_RATIO:g} of the first: {ratio:.3f}", ratio < TARGET_CACHED_RATIO))
    for name in ("extract1", "extract", "check"):
        if 5.0 in results[name] and 25.0 in results[name]:
            growth = results[name][25.0][1] / results[name][5.0][1]
            checks.append((f"{name}: 25 MB time <= {TARGET_GROWTH_25_OVER_5:g} x 5 MB time: x{growth:.2f}", growth <= TARGET_GROWTH_25_OVER_5))
        else:
            checks.append((f"{name}: 25 MB time <= {TARGET_GROWTH_25_OVER_5:g} x 5 MB time: not measured (needs 5 and 25 in --sizes)", None))
    checks.extend(memory)
    checks.append((f"start-up < {TARGET_STARTUP_S:g} s (recoupe --version): {startup_version:.3f} s", startup_version < TARGET_STARTUP_S))
    checks.append((f"start-up < {TARGET_STARTUP_S:g} s (recoupe check, one small file): {startup_check:.3f} s", startup_check < TARGET_STARTUP_S))
    return report(checks + discovered) or failed


def check_memory(
    recoupe: str, seeds: list[str], sizes: list[float], measured: dict[float, tuple[float, float]], start_peak: float,
    workdir: Path, timeout: float, jobs: list[str],
) -> list[tuple[str, bool | None]]:
    """Issue 17's target: ``check``'s peak memory, per MB of corpus, above ``start_peak`` (its
    peak on one small file). A size the timed runs measured (``measured``: size -> (MB, peak MB))
    is taken from them; any other gets one cold run of its own (memory does not depend on the
    host's noise): at 100 MB, about 90 s on a busy 2-core host (50 CPU s). Prints a line a size; the targets' lines."""
    checks: list[tuple[str, bool | None]] = []
    if sizes:
        print(f"check's peak memory above its peak on one small file ({start_peak:.0f} MB), per MB of corpus", flush=True)
    for size in sizes:
        if size in measured:
            megabytes, peak = measured[size]
        else:
            folder = workdir / f"corpus-{size:g}MB"
            _, total = build_corpus(folder, int(size * MB), seeds)
            megabytes = total / MB
            command = [recoupe, "check", str(folder), "--format", "json", "--rules", str(RULES), "--fail-on", "never", *jobs]
            done = run(command, fresh(workdir / f"cwd-memory-{size:g}MB"), timeout)
            if done.error:
                print(f"  {size:g} MB: ERROR {done.error}", flush=True)
                checks.append((f"check's peak memory at {size:g} MB: {done.error}", False))
                continue
            peak = done.peak_mb
        per_mb = (peak - start_peak) / megabytes
        print(f"  {megabytes:7.2f} MB: peak {peak:.0f} MB, {per_mb:.2f} MB per MB", flush=True)
        judged = per_mb <= TARGET_CHECK_MB_PER_MB if size >= MEMORY_JUDGED_FROM else None  # below, a few MB of noise dominate
        checks.append((f"check's peak memory at {size:g} MB <= {TARGET_CHECK_MB_PER_MB:g} MB per MB above a small file's:"
                       f" {per_mb:.2f} ({peak:.0f} MB)" + ("" if judged is not None else f" (judged from {MEMORY_JUDGED_FROM:g} MB)"), judged))
    if sizes:
        print(flush=True)
    return checks


def report(checks: list[tuple[str, bool | None]]) -> bool:
    """Print each target's line; True when one fails."""
    failed = False
    for text, ok in checks:
        mark = "SKIP" if ok is None else verdict(ok)
        failed = failed or ok is False
        print(f"  {mark}  {text}")
    return failed


if __name__ == "__main__":
    sys.exit(main())
