"""Code tables shipped with eventframe, as polars DataFrames to join with the frames.

Examples
--------
>>> import eventframe as ef
>>> cameo = ef.codebooks.cameo()
>>> cameo.filter(cameo["code"] == "057").select("root", "quad_class").row(0)
('05', 1)
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from . import _core

__all__ = ["cameo"]


@lru_cache(maxsize=1)
def _cameo() -> pl.DataFrame:
    return pl.DataFrame(_core.codebook_cameo())


def cameo() -> pl.DataFrame:
    """The CAMEO event codebook.

    Columns: ``code, name, root, quad_class`` (1 verbal cooperation … 4 material conflict),
    ``goldstein`` (GDELT's scale), ``plover`` and ``plover_mode`` (CAMEO→PLOVER mapping).

    Examples
    --------
    >>> import eventframe as ef
    >>> ef.codebooks.cameo().columns
    ['code', 'name', 'root', 'quad_class', 'goldstein', 'plover', 'plover_mode']
    """
    return _cameo()
