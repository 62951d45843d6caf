"""Throughput benchmark on the Reuters-21578 corpus: ``python -m eventframe.bench``.

Reports words per second end to end for 1 thread and for every core, the per-stage breakdown,
and ratios against baselines run in the same process (a whitespace split), because absolute
speeds on shared machines are noisy. Skips cleanly when the corpus is absent.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import time
from pathlib import Path

_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)


def shared_data() -> Path | None:
    """The shared reference data folder, if present (``EVENTFRAME_SHARED`` or ``../shared``)."""
    candidates = []
    env = os.environ.get("EVENTFRAME_SHARED")
    if env:
        candidates.append(Path(env))
    here = Path(__file__).resolve()
    candidates += [p / "shared" for p in here.parents] + [Path.cwd().parent / "shared"]
    for c in candidates:
        if (c / "data").is_dir():
            return c / "data"
    return None


def reuters_bodies(limit: int | None = None) -> list[str]:
    """Article bodies of Reuters-21578 (read as Latin-1), or ``[]`` when absent."""
    data = shared_data()
    if data is None:
        return []
    out: list[str] = []
    for f in sorted((data / "corpus" / "reuters21578").glob("reut2-*.sgm")):
        raw = f.read_bytes().decode("latin-1")
        for m in _BODY.finditer(raw):
            body = html.unescape(m.group(1)).replace("\x03", "").strip()
            if body.endswith("Reuter"):
                body = body[: -len("Reuter")].rstrip()
            out.append(body)
            if limit is not None and len(out) >= limit:
                return out
    return out


def _time(fn: object, reps: int = 1) -> float:
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    """Runs the benchmark and prints a report."""
    ap = argparse.ArgumentParser(prog="python -m eventframe.bench", description=__doc__)
    ap.add_argument("--limit", type=int, default=2000, help="number of articles (default 2000)")
    ap.add_argument("--reps", type=int, default=2, help="repetitions; the best is kept")
    args = ap.parse_args(argv)
    texts = reuters_bodies(args.limit)
    if not texts:
        print(
            "skipped: Reuters-21578 not found "
            "(set EVENTFRAME_SHARED or put shared/ beside the repo)"
        )
        return 0
    import eventframe as ef

    words = sum(len(t.split()) for t in texts)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"corpus: {len(texts)} Reuters-21578 articles, {words:,} words, {mb:.1f} MB")
    split_s = _time(lambda: [t.split() for t in texts], args.reps)
    cores = os.cpu_count() or 1
    results = {}
    for n in sorted({1, cores}):
        p = ef.Pipeline(n_threads=n)
        p.extract(texts[:20])  # warm up
        results[n] = _time(lambda p=p: p.extract(texts, tokens=False), args.reps)
    one = results[1]
    print(f"whitespace split (baseline): {words / split_s:,.0f} words/s")
    for n, s in results.items():
        print(
            f"eventframe end to end, {n} thread(s): {words / s:,.0f} words/s "
            f"({s / split_s:,.1f}x the split's time; {one / s:.2f}x the 1-thread speed)"
        )
    fast = ef.Pipeline(n_threads=1, parse=False)
    fast.extract(texts[:20])
    fast_s = _time(lambda: fast.extract(texts, tokens=False), args.reps)
    print(
        f"eventframe end to end, 1 thread, parse=False: {words / fast_s:,.0f} words/s "
        f"({one / fast_s:.2f}x the default pipeline's speed)"
    )
    p1 = ef.Pipeline(n_threads=1)
    stages = p1._core.profile(texts)
    total = sum(s for _, s in stages) or 1.0
    print("per stage (1 thread, CPU seconds summed over documents):")
    for name, s in stages:
        rate = f"{words / s:,.0f} words/s" if s > 0 else "-"
        print(f"  {name:<9} {s:7.3f} s  {100 * s / total:5.1f}%  {rate}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
