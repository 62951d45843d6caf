"""Type aliases of the public API."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Literal

import polars as pl

OnError = Literal["collect", "raise", "skip"]
"""What to do when a document fails: keep going and fill ``errors`` (``"collect"``), raise
:class:`~eventframe.DocumentError` (``"raise"``), or drop the document's rows but still list it
in ``documents`` (``"skip"``)."""

Stage = Literal["tag", "mentions", "actors", "events", "figures"]
"""A stage that can be disabled."""

DateLike = str | _dt.date | None
"""A publication date: ISO string ``YYYY-MM-DD``, a :class:`datetime.date`, or ``None``."""

Texts = str | pl.DataFrame | pl.Series | Iterable[object]
"""Input texts: one string, an iterable of strings, a polars Series or DataFrame."""
