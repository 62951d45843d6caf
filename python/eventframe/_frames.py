"""The :class:`Frames` result container."""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal

import polars as pl

from . import _core

FRAME_NAMES: tuple[str, ...] = (
    "documents",
    "sentences",
    "tokens",
    "mentions",
    "actors",
    "events",
    "figures",
    "errors",
)


def _enums() -> dict[tuple[str, str], list[str]]:
    return {(f, c): list(v) for f, c, _t, _n, _d, v in _core.schema_table() if v}


_ENUMS = _enums()


def _wrap(name: str, table: _core.ArrowTable) -> pl.DataFrame:
    df = pl.DataFrame(table)
    casts = [
        pl.col(col).cast(pl.Enum(values))
        for (frame, col), values in _ENUMS.items()
        if frame == name and col in df.columns
    ]
    return df.with_columns(casts) if casts else df


@dataclass(frozen=True, slots=True)
class Frames:
    """The tables extracted from a batch of documents.

    Every attribute is a :class:`polars.DataFrame`; all are long and joinable on ``doc_id``
    and the ``*_id`` columns. ``start_char``/``end_char`` are Python string offsets into the
    original text. Column meanings are in :data:`eventframe.schema`.

    Examples
    --------
    >>> import eventframe as ef
    >>> frames = ef.extract("Russia ratified the treaty on Wednesday.", published="2024-11-06")
    >>> frames.documents.select("doc_id", "status").row(0)
    ('0', 'ok')
    >>> sorted(frames.as_dict())[:3]
    ['actors', 'documents', 'errors']
    """

    documents: pl.DataFrame
    sentences: pl.DataFrame
    tokens: pl.DataFrame
    mentions: pl.DataFrame
    actors: pl.DataFrame
    events: pl.DataFrame
    figures: pl.DataFrame
    errors: pl.DataFrame

    @classmethod
    def _from_core(cls, tables: list[tuple[str, _core.ArrowTable]]) -> Frames:
        got = {name: _wrap(name, t) for name, t in tables}
        return cls(**{n: got[n] for n in FRAME_NAMES})

    def as_dict(self) -> dict[str, pl.DataFrame]:
        """The frames by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def __iter__(self) -> Iterator[tuple[str, pl.DataFrame]]:
        return iter(self.as_dict().items())

    @classmethod
    def concat(cls, parts: Iterable[Frames]) -> Frames:
        """Concatenates the frames of several batches (e.g. from :meth:`Pipeline.pipe`).

        Actors are re-aggregated: ``n_mentions`` and ``n_docs`` are summed per ``actor_id``.

        Examples
        --------
        >>> import eventframe as ef
        >>> p = ef.Pipeline(n_threads=1)
        >>> parts = list(p.pipe(["Russia attacked Ukraine.", "Russia warned NATO."], batch_size=1))
        >>> ef.Frames.concat(parts).documents.height
        2
        """
        parts = list(parts)
        if not parts:
            raise ValueError("Frames.concat needs at least one Frames")
        out = {}
        for name in FRAME_NAMES:
            out[name] = pl.concat([getattr(p, name) for p in parts], how="vertical_relaxed")
        actors = out["actors"]
        if actors.height:
            out["actors"] = (
                actors.group_by("actor_id", maintain_order=True)
                .agg(
                    pl.col("name").first(),
                    pl.col("kind").first(),
                    pl.col("country").drop_nulls().first(),
                    pl.col("sector").drop_nulls().first(),
                    pl.col("sectors").explode().drop_nulls().unique(maintain_order=True),
                    pl.col("code").drop_nulls().first(),
                    pl.col("roles").explode().drop_nulls().unique(maintain_order=True),
                    pl.col("aliases").explode().drop_nulls().unique(maintain_order=True),
                    pl.col("n_mentions").sum(),
                    pl.col("n_docs").sum(),
                    pl.col("rule").first(),
                )
                .select(parts[0].actors.columns)
            )
        return cls(**out)

    def write(
        self, directory: str | Path, *, format: Literal["parquet", "csv", "jsonl"] = "parquet"
    ) -> list[Path]:
        """Writes one file per frame into ``directory`` (created if needed).

        List columns are joined with ``"|"`` in CSV output.

        Returns
        -------
        list of pathlib.Path
            The files written.
        """
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        written = []
        for name, df in self:
            path = d / f"{name}.{format}"
            if format == "parquet":
                df.write_parquet(path)
            elif format == "csv":
                flat = df.with_columns(
                    pl.col(c).list.join("|")
                    for c, t in df.schema.items()
                    if t == pl.List(pl.String)
                )
                flat.write_csv(path)
            elif format == "jsonl":
                df.write_ndjson(path)
            else:
                raise ValueError(f"unknown format `{format}`\nhint: use parquet, csv or jsonl")
            written.append(path)
        return written

    def write_parquet(self, directory: str | Path) -> list[Path]:
        """Writes one Parquet file per frame into ``directory``."""
        return self.write(directory, format="parquet")

    def __repr__(self) -> str:
        sizes = ", ".join(f"{n}={df.height}" for n, df in self)
        return f"Frames({sizes})"

    def _repr_html_(self) -> str:
        parts = [f"<p><b>eventframe.Frames</b> {html.escape(repr(self))}</p>"]
        for name in ("events", "actors", "figures"):
            df = getattr(self, name)
            parts.append(f"<h4>{name} ({df.height} rows)</h4>")
            parts.append(df.head(20)._repr_html_())
        return "\n".join(parts)
