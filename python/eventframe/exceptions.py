"""Exceptions raised by eventframe.

Every error of the Rust core is mapped to one of these classes in exactly one place
(``src/py/errors.rs``).
"""

from __future__ import annotations

__all__ = ["ConfigError", "DocumentError", "EventframeError", "SchemaError"]


class EventframeError(Exception):
    """Base class of every eventframe error."""


class ConfigError(EventframeError, ValueError):
    """A pipeline option or input argument is wrong (unknown stage, bad thread count, ...)."""


class DocumentError(EventframeError):
    """A document failed (raised with ``on_error="raise"``).

    Attributes
    ----------
    doc_id : str or None
        The failing document.
    stage : str or None
        The stage that failed (``"input"`` for problems with the input itself).
    kind : str or None
        Short error kind, as in the ``errors`` frame's ``error`` column.
    """

    def __init__(
        self,
        message: str,
        doc_id: str | None = None,
        stage: str | None = None,
        kind: str | None = None,
    ) -> None:
        super().__init__(message)
        self.doc_id = doc_id
        self.stage = stage
        self.kind = kind


class SchemaError(EventframeError):
    """An output frame does not match its documented schema (a bug: please report it)."""
