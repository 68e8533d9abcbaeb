"""The discovery part of the benchmark: ``recoupe discover`` on a corpus of varied documents.

``recoupe discover DIR --format json --jobs 1 --no-cache`` (one core, no cache: the target's
terms) on the corpus of benchmarks/press.py at each size, each the fastest of ``repeat`` cold
runs; its throughput, its peak memory per MB of corpus and how its time grows, against the targets
of issue 15. Standard library only.
"""

from __future__ import annotations

from pathlib import Path

import press

TARGET_MBPS = 1.0  # on the largest corpus, one core
TARGET_PEAK_PER_MB = 4.0  # peak resident memory, MB per MB of corpus, largest corpus
TARGET_GROWTH = 1.3  # time ratio over size ratio, from 5 to 25 MB

MB = 1_000_000


def measure(recoupe: str, sizes: list[float], workdir: Path, timeout: float, repeat: int, run, fresh) -> list[tuple[str, bool | None]]:
    """Print one row per size and return the target lines (text, True/False/None for not measured).

    ``run(command, cwd, timeout)`` and ``fresh(folder)`` are bench.py's."""
    print("discovery on varied documents (benchmarks/press.py): recoupe discover --format json --jobs 1 --no-cache")
    header = f"{'command':<9}{'MB':>7}{'files':>7}{'seconds':>10}{'MB/s':>9}{'peak MB':>9}{'MB/MB':>7}{'cpu s':>8}"
    print(header)
    print("-" * len(header), flush=True)
    measured: dict[float, tuple[float, float, float]] = {}  # size -> (MB, seconds, peak MB)
    checks: list[tuple[str, bool | None]] = []
    for size in sizes:
        folder = workdir / f"press-{size:g}MB"
        files, total = press.build_corpus(folder, int(size * MB))
        megabytes = total / MB
        command = [recoupe, "discover", str(folder), "--format", "json", "--jobs", "1", "--no-cache", "--top", "50"]
        runs = [run(command, fresh(workdir / f"cwd-discover-{size:g}MB"), timeout) for _ in range(repeat)]
        # discover exits 0 whatever it finds: any other code is an error (1 too: a traceback)
        errors = [one.error or f"exit code {one.status}" for one in runs if one.error or one.status != 0]
        if errors:
            print(f"{'discover':<9}{megabytes:>7.2f}{files:>7}  ERROR {errors[0]}", flush=True)
            checks.append((f"discover runs without error at {size:g} MB: {errors[0]}", False))
            continue
        best = min(runs, key=lambda one: one.seconds)
        measured[size] = (megabytes, best.seconds, best.peak_mb)
        print(f"{'discover':<9}{megabytes:>7.2f}{files:>7}{best.seconds:>10.2f}{megabytes / best.seconds:>9.2f}"
              f"{best.peak_mb:>9.0f}{best.peak_mb / megabytes:>7.1f}{best.cpu_seconds:>8.2f}", flush=True)
    print()
    if not measured:
        return checks
    largest = max(measured)
    megabytes, seconds, peak = measured[largest]
    checks.append((f"discover >= {TARGET_MBPS:g} MB/s on one core at {largest:g} MB: {megabytes / seconds:.2f} MB/s", megabytes / seconds >= TARGET_MBPS))
    checks.append((f"discover peak memory <= {TARGET_PEAK_PER_MB:g} MB per MB of corpus at {largest:g} MB: {peak / megabytes:.1f} ({peak:.0f} MB)",
                   peak / megabytes <= TARGET_PEAK_PER_MB))
    if 5.0 in measured and 25.0 in measured:
        (mb5, s5, _), (mb25, s25, _) = measured[5.0], measured[25.0]
        growth = (s25 / s5) / (mb25 / mb5)
        checks.append((f"discover time grows <= {TARGET_GROWTH:g} x faster than the corpus from 5 to 25 MB: {growth:.2f}", growth <= TARGET_GROWTH))
    else:
        checks.append((f"discover time grows <= {TARGET_GROWTH:g} x faster than the corpus from 5 to 25 MB: not measured (needs 5 and 25 in --sizes)", None))
    return checks
