"""Command line: ``eventframe extract``, ``eventframe demo``, ``eventframe schema``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import polars as pl

from . import DEMO_PUBLISHED, Frames, Pipeline, demo_text, schema_markdown

_TEXT_COLUMNS = ("text", "body", "content", "article")


def _read_table(path: Path, text_col: str | None) -> pl.DataFrame:
    if path.suffix == ".jsonl":
        df = pl.read_ndjson(path)
    elif path.suffix == ".csv":
        df = pl.read_csv(path)
    else:
        df = pl.read_parquet(path)
    col = (
        text_col
        if text_col in df.columns
        else next((c for c in _TEXT_COLUMNS if c in df.columns), None)
    )
    if col is None:
        raise SystemExit(
            f"error: `{path}` has no text column (columns: {df.columns})\n"
            "hint: name it with --text-col"
        )
    out = df.rename({col: "text"}) if col != "text" else df
    if "doc_id" not in out.columns:
        out = out.with_row_index("doc_id").with_columns(
            (pl.lit(path.name + ":") + pl.col("doc_id").cast(pl.String)).alias("doc_id")
        )
    keep = [c for c in ("doc_id", "text", "published") if c in out.columns]
    return out.select(keep).with_columns(pl.col("doc_id").cast(pl.String))


def _documents(
    inputs: Sequence[str], text_col: str | None, published: str | None
) -> Iterator[tuple[str, object, str | None]]:
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.txt") if p.is_file())
            for f in files:
                yield (
                    str(f.relative_to(path)),
                    f.read_text(encoding="utf-8", errors="replace"),
                    published,
                )
        elif path.suffix in (".jsonl", ".csv", ".parquet"):
            df = _read_table(path, text_col)
            pubs = (
                df.get_column("published").cast(pl.String).to_list()
                if "published" in df.columns
                else None
            )
            for i, (doc_id, text) in enumerate(
                zip(df["doc_id"].to_list(), df["text"].to_list(), strict=True)
            ):
                yield doc_id, text, (pubs[i] if pubs is not None and pubs[i] else published)
        elif path.is_file():
            yield path.name, path.read_text(encoding="utf-8", errors="replace"), published
        else:
            raise SystemExit(f"error: input `{name}` does not exist")


def _cmd_extract(args: argparse.Namespace) -> int:
    pipeline = Pipeline(n_threads=args.threads)
    docs = list(_documents(args.inputs, args.text_col, args.published))
    ids = [d[0] for d in docs]
    texts = [d[1] for d in docs]
    pubs = [d[2] for d in docs]
    parts: list[Frames] = []
    t0 = time.perf_counter()
    done = 0
    for frames in pipeline.pipe(texts, ids=ids, published=pubs, batch_size=args.batch_size):
        parts.append(frames)
        done += frames.documents.height
        if len(docs) > args.batch_size and not args.quiet:
            rate = done / max(time.perf_counter() - t0, 1e-9)
            print(f"\r{done}/{len(docs)} documents ({rate:,.0f}/s)", end="", file=sys.stderr)
    if len(docs) > args.batch_size and not args.quiet:
        print(file=sys.stderr)
    result = Frames.concat(parts) if parts else pipeline.extract([])
    written = result.write(args.output, format=args.format)
    if not args.quiet:
        for path in written:
            print(path)
    return 0


def _show(title: str, df: pl.DataFrame, columns: Sequence[str]) -> None:
    print(f"\n{title} ({df.height})")
    with pl.Config(tbl_rows=50, tbl_cols=20, fmt_str_lengths=40, tbl_width_chars=200):
        print(df.select([c for c in columns if c in df.columns]))


def _cmd_demo(args: argparse.Namespace) -> int:
    text = demo_text()
    frames = Pipeline(n_threads=args.threads).extract(text, ids=["demo"], published=DEMO_PUBLISHED)
    print(
        "eventframe demo: a fictional wire report written for this project, "
        f"published {DEMO_PUBLISHED}"
    )
    _show(
        "events",
        frames.events,
        [
            "trigger",
            "cameo",
            "source_text",
            "source_code",
            "target_text",
            "target_code",
            "date",
            "location",
            "modality",
            "negated",
        ],
    )
    _show(
        "actors", frames.actors, ["actor_id", "name", "kind", "country", "sector", "code", "roles"]
    )
    _show(
        "figures",
        frames.figures,
        ["text", "label", "value", "value_max", "unit", "about", "attributed_to", "date"],
    )
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    if args.json:
        from .schema import schema

        print(json.dumps(schema.to_dicts(), indent=1))
    else:
        print(schema_markdown())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``eventframe`` command."""
    parser = argparse.ArgumentParser(prog="eventframe", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser(
        "extract", help="extract frames from .txt files, folders, .jsonl/.csv/.parquet"
    )
    ex.add_argument("inputs", nargs="+")
    ex.add_argument("-o", "--output", required=True, help="output folder")
    ex.add_argument("--format", choices=["parquet", "csv", "jsonl"], default="parquet")
    ex.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs without one")
    ex.add_argument("--text-col", help="text column of tabular inputs")
    ex.add_argument("--threads", type=int, default=None)
    ex.add_argument("--batch-size", type=int, default=256)
    ex.add_argument("-q", "--quiet", action="store_true")
    ex.set_defaults(func=_cmd_extract)
    de = sub.add_parser("demo", help="run the bundled example article and print the tables")
    de.add_argument("--threads", type=int, default=None)
    de.set_defaults(func=_cmd_demo)
    sc = sub.add_parser("schema", help="print the frame reference")
    sc.add_argument("--json", action="store_true")
    sc.set_defaults(func=_cmd_schema)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
