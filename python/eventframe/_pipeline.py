"""The :class:`Pipeline` and :func:`extract`."""

from __future__ import annotations

import datetime as _dt
import itertools
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal

import polars as pl

from . import _core
from ._frames import Frames
from ._typing import DateLike, OnError, Stage, Texts
from .exceptions import ConfigError

_BATCH = 256


def _date_str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    # Anything else is passed on as text; the core reports it as an invalid date.
    return str(value)


def _rows(
    texts: Texts,
    ids: Sequence[object] | None,
    published: DateLike | Sequence[DateLike],
    text_col: str,
    id_col: str,
    published_col: str,
) -> Iterator[tuple[object, str | None, str | None]]:
    """Yields ``(text, doc_id or None, published)`` per input document, lazily."""
    pub_seq: Sequence[DateLike] | None = None
    pub_one: str | None = None
    if isinstance(texts, pl.DataFrame):
        if text_col not in texts.columns:
            raise ConfigError(
                f"the DataFrame has no text column `{text_col}` (columns: {texts.columns})\n"
                "hint: pass text_col= to name it"
            )
        text_iter: Iterable[object] = texts.get_column(text_col).to_list()
        if ids is None and id_col in texts.columns:
            ids = [str(v) for v in texts.get_column(id_col).to_list()]
        if published is None and published_col in texts.columns:
            pub_seq = [_date_str(v) for v in texts.get_column(published_col).to_list()]
    elif isinstance(texts, pl.Series):
        text_iter = texts.to_list()
    elif isinstance(texts, str):
        text_iter = [texts]
    elif isinstance(texts, bytes):
        raise ConfigError("texts must be str, not bytes\nhint: decode them first, e.g. b.decode()")
    else:
        text_iter = texts
    if pub_seq is None:
        if published is None or isinstance(published, (str, _dt.date)):
            pub_one = _date_str(published)
        else:
            pub_seq = list(published)
    id_iter: Iterator[object | None] = iter(ids) if ids is not None else itertools.repeat(None)
    pub_iter: Iterator[DateLike] = (
        iter(pub_seq) if pub_seq is not None else itertools.repeat(pub_one)
    )
    sentinel = object()
    for text in text_iter:
        doc_id = next(id_iter, sentinel)
        pub = next(pub_iter, sentinel)
        if doc_id is sentinel or pub is sentinel:
            raise ConfigError(
                "fewer ids or published dates than texts\nhint: pass one per text, or a single date"
            )
        yield text, None if doc_id is None else str(doc_id), _date_str(pub)


class Pipeline:
    """A loaded eventframe pipeline: knowledge and models are loaded once and reused.

    Parameters
    ----------
    disable : sequence of str, optional
        Stages to skip: ``"tag"``, ``"mentions"``, ``"actors"``, ``"events"``, ``"figures"``.
    n_threads : int, optional
        Worker threads. Default: ``EVENTFRAME_NUM_THREADS`` or every core. Results never
        depend on it.
    actors, agents, verbs : sequence of path, optional
        PETRARCH/TABARI dictionaries to load.
    discards : sequence of path, optional
        PETRARCH discard lists: a sentence containing one of their phrases codes no event
        (a phrase marked ``+`` silences the whole document).
    mode : {"extend", "replace"}
        Whether the dictionaries extend or replace the built-in knowledge.
    parse : bool
        Whether ``tag`` builds dependency trees (``tokens.head``/``deprel``). Parsing is the
        slowest step; without it events use surface rules only and run about twice as fast.

    Examples
    --------
    >>> import eventframe as ef
    >>> p = ef.Pipeline(n_threads=2)
    >>> p.stage_names[0]
    'text'
    >>> p.extract("NATO condemned the attack.").documents.height
    1
    """

    def __init__(
        self,
        *,
        disable: Sequence[Stage] = (),
        n_threads: int | None = None,
        actors: Sequence[str | os.PathLike[str]] = (),
        agents: Sequence[str | os.PathLike[str]] = (),
        verbs: Sequence[str | os.PathLike[str]] = (),
        discards: Sequence[str | os.PathLike[str]] = (),
        mode: Literal["extend", "replace"] = "extend",
        parse: bool = True,
    ) -> None:
        if isinstance(disable, str):
            disable = (disable,)  # type: ignore[assignment]
        if n_threads is not None and (not isinstance(n_threads, int) or n_threads < 1):
            raise ConfigError(
                f"n_threads must be a positive int, got `{n_threads!r}`\n"
                "hint: pass None to use every core"
            )
        config = {
            "n_threads": n_threads,
            "disable": list(disable),
            "actors": [os.fspath(p) for p in actors],
            "agents": [os.fspath(p) for p in agents],
            "verbs": [os.fspath(p) for p in verbs],
            "discards": [os.fspath(p) for p in discards],
            "mode": mode,
            "parse": bool(parse),
        }
        self._core = _core.Pipeline(json.dumps(config))
        self._config = config

    @property
    def stage_names(self) -> list[str]:
        """Names of the enabled stages, in order."""
        return list(self._core.stage_names)

    @property
    def n_threads(self) -> int:
        """Number of worker threads."""
        return int(self._core.n_threads)

    def __repr__(self) -> str:
        return f"Pipeline(stages={self.stage_names}, n_threads={self.n_threads})"

    def _run(
        self,
        batch: list[tuple[object, str | None, str | None]],
        start: int,
        on_error: OnError,
        tokens: bool,
    ) -> Frames:
        texts = [t for t, _, _ in batch]
        ids = [d if d is not None else str(start + i) for i, (_, d, _) in enumerate(batch)]
        if len(set(ids)) != len(ids):
            seen: set[str] = set()
            dup = next(i for i in ids if i in seen or seen.add(i))  # type: ignore[func-returns-value]
            raise ConfigError(f"duplicate doc_id `{dup}`\nhint: ids must be unique")
        pubs = [p for _, _, p in batch]
        return Frames._from_core(self._core.run(texts, ids, pubs, on_error, tokens))

    def extract(
        self,
        texts: Texts,
        *,
        ids: Sequence[object] | None = None,
        published: DateLike | Sequence[DateLike] = None,
        on_error: OnError = "collect",
        text_col: str = "text",
        id_col: str = "doc_id",
        published_col: str = "published",
        tokens: bool = True,
    ) -> Frames:
        """Extracts all frames from ``texts`` in one batch.

        Parameters
        ----------
        texts : str, iterable of str, polars.Series or polars.DataFrame
            The documents. A DataFrame gives ``text_col`` and optionally ``id_col`` and
            ``published_col``.
        ids : sequence, optional
            Document ids (default: the input position as a string).
        published : date, str or sequence of them, optional
            Publication date(s), used to resolve relative dates ("on Wednesday").
        on_error : {"collect", "raise", "skip"}
            What to do when a document fails.
        tokens : bool
            Whether to fill the ``tokens`` frame.

        Returns
        -------
        Frames

        Examples
        --------
        >>> import eventframe as ef
        >>> f = ef.Pipeline().extract(["Moscow denied it.", None], on_error="collect")
        >>> f.documents.get_column("status").to_list()
        ['ok', 'error']
        >>> f.errors.get_column("error").to_list()
        ['not_text']
        """
        rows = list(_rows(texts, ids, published, text_col, id_col, published_col))
        return self._run(rows, 0, on_error, tokens)

    def pipe(
        self,
        texts: Texts,
        *,
        ids: Sequence[object] | None = None,
        published: DateLike | Sequence[DateLike] = None,
        batch_size: int = _BATCH,
        on_error: OnError = "collect",
        text_col: str = "text",
        id_col: str = "doc_id",
        published_col: str = "published",
        tokens: bool = True,
    ) -> Iterator[Frames]:
        """Streams :class:`Frames` per batch of ``batch_size`` documents, in input order.

        Memory is bounded by the batch size; ``texts`` may be a lazy iterator.

        Examples
        --------
        >>> import eventframe as ef
        >>> docs = (f"Report {i}: Russia warned Ukraine." for i in range(5))
        >>> [f.documents.height for f in ef.Pipeline().pipe(docs, batch_size=2)]
        [2, 2, 1]
        """
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ConfigError(f"batch_size must be a positive int, got `{batch_size!r}`")
        rows = _rows(texts, ids, published, text_col, id_col, published_col)
        start = 0
        while True:
            batch = list(itertools.islice(rows, batch_size))
            if not batch:
                return
            yield self._run(batch, start, on_error, tokens)
            start += len(batch)


_DEFAULT: dict[int | None, Pipeline] = {}


def extract(
    texts: Texts,
    *,
    ids: Sequence[object] | None = None,
    published: DateLike | Sequence[DateLike] = None,
    n_threads: int | None = None,
    on_error: OnError = "collect",
    text_col: str = "text",
    id_col: str = "doc_id",
    published_col: str = "published",
    tokens: bool = True,
) -> Frames:
    """Extracts events, actors, figures and the other frames from news text.

    A default :class:`Pipeline` is built on first use and cached (one per ``n_threads``).

    Parameters
    ----------
    texts : str, iterable of str, polars.Series or polars.DataFrame
        The documents.
    ids : sequence, optional
        Document ids (default: the input position as a string).
    published : date, str or sequence of them, optional
        Publication date(s) used to resolve relative dates.
    n_threads : int, optional
        Worker threads (default: every core). Results never depend on it.
    on_error : {"collect", "raise", "skip"}
        What to do when a document fails.
    text_col, id_col, published_col : str
        Column names when ``texts`` is a DataFrame.
    tokens : bool
        Whether to fill the ``tokens`` frame.

    Returns
    -------
    Frames

    Examples
    --------
    >>> import eventframe as ef
    >>> f = ef.extract("Ukraine estimated 11,000 North Korean soldiers were in Kursk.",
    ...                published="2024-11-06")
    >>> f.figures.filter(f.figures["text"] == "11,000").get_column("value").to_list()
    [11000.0]
    """
    if n_threads not in _DEFAULT:
        _DEFAULT[n_threads] = Pipeline(n_threads=n_threads)
    return _DEFAULT[n_threads].extract(
        texts,
        ids=ids,
        published=published,
        on_error=on_error,
        text_col=text_col,
        id_col=id_col,
        published_col=published_col,
        tokens=tokens,
    )
