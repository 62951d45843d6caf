"""The documented columns of every frame, from the Rust core's one schema table."""

from __future__ import annotations

import polars as pl

from . import _core

__all__ = ["markdown", "schema"]


def _table() -> pl.DataFrame:
    rows = _core.schema_table()
    return pl.DataFrame(
        {
            "frame": [r[0] for r in rows],
            "column": [r[1] for r in rows],
            "dtype": [r[2] for r in rows],
            "nullable": [r[3] for r in rows],
            "description": [r[4] for r in rows],
            "values": [list(r[5]) for r in rows],
        },
        schema={
            "frame": pl.String,
            "column": pl.String,
            "dtype": pl.String,
            "nullable": pl.Boolean,
            "description": pl.String,
            "values": pl.List(pl.String),
        },
    )


schema: pl.DataFrame = _table()
"""One row per column of every frame: ``frame, column, dtype, nullable, description, values``.

Examples
--------
>>> import eventframe as ef
>>> ef.schema.filter(ef.schema["frame"] == "documents").get_column("column").to_list()[:2]
['doc_id', 'published']
"""


def markdown() -> str:
    """The frame reference as Markdown (the README's reference section is generated from it).

    Examples
    --------
    >>> import eventframe as ef
    >>> ef.schema_markdown().splitlines()[0]
    '### `documents`'
    """
    return str(_core.schema_markdown())
