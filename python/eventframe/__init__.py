"""eventframe: news text in, polars DataFrames of events, actors and figures out.

Examples
--------
>>> import eventframe as ef
>>> frames = ef.extract("Russia has deployed troops to Kursk.", published="2024-11-06")
>>> frames.documents.height
1
"""

from __future__ import annotations

from importlib.resources import files as _files

import polars as _pl


def _check_polars() -> None:
    parts = []
    for p in _pl.__version__.split(".")[:2]:
        digits = "".join(ch for ch in p if ch.isdigit())
        parts.append(int(digits or 0))
    if tuple(parts) < (1, 3):
        raise ImportError(
            f"eventframe needs polars >= 1.3 (Arrow PyCapsule import), found `{_pl.__version__}`\n"
            "hint: pip install -U polars"
        )


_check_polars()

from . import _core, codebooks  # noqa: E402
from ._frames import Frames  # noqa: E402
from ._pipeline import Pipeline, extract  # noqa: E402
from .exceptions import ConfigError, DocumentError, EventframeError, SchemaError  # noqa: E402
from .schema import markdown as schema_markdown  # noqa: E402
from .schema import schema  # noqa: E402

__version__: str = _core.__version__

__all__ = [
    "ConfigError",
    "DocumentError",
    "EventframeError",
    "Frames",
    "Pipeline",
    "SchemaError",
    "codebooks",
    "__version__",
    "demo_text",
    "extract",
    "schema",
    "schema_markdown",
]


def demo_text() -> str:
    """The bundled example article (a fictional wire report written for this project).

    Examples
    --------
    >>> import eventframe as ef
    >>> ef.demo_text().startswith("Finnish parliament")
    True
    """
    return _files("eventframe").joinpath("data/demo.txt").read_text(encoding="utf-8")


DEMO_PUBLISHED = "2024-03-12"
"""Publication date of the bundled example article."""
