"""The Python API: contract columns, offsets, determinism, bad input, batching."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eventframe as ef

SPAN_FRAMES = {
    "sentences": "text",
    "tokens": "text",
    "mentions": "text",
    "events": "trigger",
    "figures": "text",
}

_DTYPES = {
    "str": pl.String,
    "u32": pl.UInt32,
    "f64": pl.Float64,
    "bool": pl.Boolean,
    "list[str]": pl.List(pl.String),
}


def _check_offsets(texts: dict[str, str], frames: ef.Frames) -> int:
    checked = 0
    for name, col in SPAN_FRAMES.items():
        for row in getattr(frames, name).iter_rows(named=True):
            text = texts[row["doc_id"]]
            assert text[row["start_char"] : row["end_char"]] == row[col], (name, row)
            checked += 1
    for row in frames.events.iter_rows(named=True):
        text = texts[row["doc_id"]]
        for role in ("source", "target", "location"):
            if row[f"{role}_start_char"] is not None:
                got = text[row[f"{role}_start_char"] : row[f"{role}_end_char"]]
                assert got == row["location" if role == "location" else f"{role}_text"]
    return checked


def test_schema_matches_every_frame() -> None:
    frames = ef.extract(ef.demo_text(), published=ef.DEMO_PUBLISHED)
    for name, df in frames:
        spec = ef.schema.filter(pl.col("frame") == name)
        assert df.columns == spec.get_column("column").to_list(), name
        for row in spec.iter_rows(named=True):
            got = df.schema[row["column"]]
            if row["dtype"] == "enum":
                assert isinstance(got, pl.Enum), (name, row["column"], got)
                assert got.categories.to_list() == row["values"]
            else:
                assert got == _DTYPES[row["dtype"]], (name, row["column"], got)
            if not row["nullable"]:
                assert df.get_column(row["column"]).null_count() == 0, (name, row["column"])


def test_demo_gives_events_actors_figures() -> None:
    frames = ef.extract(ef.demo_text(), published=ef.DEMO_PUBLISHED)
    assert frames.events.height > 0
    assert frames.actors.height > 0
    assert frames.figures.height > 0
    assert _check_offsets({"0": ef.demo_text()}, frames) > 100


def test_seed_gives_events_actors_figures(seed: tuple[str, dict[str, object]]) -> None:
    text, _gold = seed
    frames = ef.extract(text, ids=["seed"], published="2024-11-06")
    assert frames.events.height > 0
    assert frames.actors.height > 0
    assert frames.figures.height > 0
    _check_offsets({"seed": text}, frames)
    places = frames.events.filter(pl.col("location").is_in(["Pyongyang", "Kursk"]))
    assert places.height >= 2
    assert places.get_column("lat").null_count() == 0
    assert set(places.get_column("location_country").to_list()) <= {"PRK", "RUS"}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_offsets_round_trip_on_any_text(text: str) -> None:
    frames = ef.extract(text, published="2024-11-06")
    _check_offsets({"0": text}, frames)
    assert frames.documents.get_column("n_chars").to_list() == [len(text)]


def test_offsets_with_astral_and_combining_characters() -> None:
    text = (
        "🙂 Zelenskyy’s aide said 😀 “Russia attacked Kyiv” on Monday.\r\n"
        "NATO—again—condemned it. é́ ok"
    )
    frames = ef.extract([text, text * 3], published=dt.date(2024, 11, 6))
    assert _check_offsets({"0": text, "1": text * 3}, frames) > 10


@pytest.mark.parametrize("n_threads", [2, 4])
def test_results_do_not_depend_on_thread_count(n_threads: int) -> None:
    texts = [ef.demo_text()] * 3 + [
        f"Report {i}: Russia warned Ukraine on Monday." for i in range(40)
    ]
    one = ef.Pipeline(n_threads=1).extract(texts, published="2024-11-06")
    many = ef.Pipeline(n_threads=n_threads).extract(texts, published="2024-11-06")
    for (name, a), (_, b) in zip(one, many, strict=True):
        assert a.equals(b), name


def test_bad_input_is_listed_and_collected() -> None:
    texts: list[object] = ["", "   \n\t", None, 42, "x\ud800y", "nul\x00byte Russia", "ok text."]
    pubs = ["2024-11-06", "2024-13-45", None, "yesterday", None, None, "2024-11-06"]
    f = ef.extract(texts, published=pubs)
    status = f.documents.get_column("status").to_list()
    assert status == ["empty", "empty", "error", "error", "repaired", "ok", "ok"]
    errors = {(r["doc_id"], r["error"]) for r in f.errors.iter_rows(named=True)}
    assert ("1", "invalid_date") in errors
    assert ("2", "not_text") in errors
    assert ("3", "not_text") in errors
    assert ("3", "invalid_date") in errors
    assert ("4", "lone_surrogate") in errors
    msg = f.errors.filter(pl.col("doc_id") == "3").get_column("message").to_list()
    assert any("`int`" in m for m in msg)
    # Repaired text keeps code-point offsets: one U+FFFD per lone surrogate.
    assert f.documents.filter(pl.col("doc_id") == "4").get_column("n_chars").item() == 3


def test_on_error_raise_names_document_and_stage() -> None:
    with pytest.raises(ef.DocumentError) as info:
        ef.extract(["fine.", None], ids=["a", "b"], on_error="raise")
    assert info.value.doc_id == "b"
    assert info.value.stage == "input"
    assert "`None`" in str(info.value)


def test_on_error_skip_keeps_documents_row() -> None:
    f = ef.extract(["Russia attacked Ukraine.", None], on_error="skip")
    assert f.documents.height == 2
    assert set(f.sentences.get_column("doc_id").to_list()) <= {"0"}


def test_twenty_megabyte_document_without_newlines() -> None:
    text = "Russia attacked Ukraine on Monday and 1,200 soldiers were killed " * 320_000
    assert len(text) > 20_000_000
    f = ef.extract([text], published="2024-11-06", tokens=False)
    assert f.documents.get_column("status").item() == "ok"
    assert f.documents.get_column("n_chars").item() == len(text)


def test_config_errors_are_value_errors_with_hints() -> None:
    with pytest.raises(ef.ConfigError, match="hint:"):
        ef.Pipeline(disable=["tagger"])  # type: ignore[list-item]
    with pytest.raises(ValueError):
        ef.Pipeline(n_threads=0)
    with pytest.raises(ef.ConfigError):
        ef.extract(["a", "b"], ids=["x", "x"])
    with pytest.raises(ef.ConfigError):
        ef.extract(["a", "b"], ids=["x"])
    with pytest.raises(ef.ConfigError, match="text_col"):
        ef.extract(pl.DataFrame({"body": ["a"]}))


def test_dataframe_and_series_input() -> None:
    df = pl.DataFrame(
        {
            "story": ["Russia attacked Ukraine on Monday.", "NATO condemned it."],
            "key": ["k1", "k2"],
            "day": [dt.date(2024, 11, 6), dt.date(2024, 11, 7)],
        }
    )
    f = ef.extract(df, text_col="story", id_col="key", published_col="day")
    assert f.documents.get_column("doc_id").to_list() == ["k1", "k2"]
    assert f.documents.get_column("published").to_list() == ["2024-11-06", "2024-11-07"]
    g = ef.extract(df.get_column("story"))
    assert g.documents.height == 2


def test_pipe_yields_batches_in_order_and_concat() -> None:
    texts = (f"Story {i}. Russia warned Ukraine." for i in range(7))
    parts = list(ef.Pipeline(n_threads=2).pipe(texts, batch_size=3))
    assert [p.documents.height for p in parts] == [3, 3, 1]
    whole = ef.Frames.concat(parts)
    assert whole.documents.get_column("doc_id").to_list() == [str(i) for i in range(7)]
    assert whole.sentences.filter(pl.col("doc_id") == "6").height >= 1


def test_disable_stages() -> None:
    p = ef.Pipeline(disable=["events", "figures"])
    assert "events" not in p.stage_names and "figures" not in p.stage_names
    f = p.extract("Russia attacked Ukraine with 1,000 soldiers.")
    assert f.events.height == 0 and f.figures.height == 0


def test_write_formats(tmp_path: object) -> None:
    from pathlib import Path

    f = ef.extract(ef.demo_text(), published=ef.DEMO_PUBLISHED)
    out = Path(str(tmp_path))
    for fmt in ("parquet", "csv", "jsonl"):
        files = f.write(out / fmt, format=fmt)  # type: ignore[arg-type]
        assert len(files) == 8 and all(p.exists() for p in files)
    back = pl.read_parquet(out / "parquet" / "events.parquet")
    assert back.height == f.events.height


def test_gil_is_released_during_extract() -> None:
    import threading

    ticks = 0
    stop = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    texts = [ef.demo_text()] * 300
    t = threading.Thread(target=count)
    t.start()
    ef.Pipeline(n_threads=1).extract(texts, tokens=False)
    stop.set()
    t.join()
    assert ticks > 1000


def test_repr_and_html() -> None:
    f = ef.extract("Russia attacked Ukraine.")
    assert repr(f).startswith("Frames(documents=1")
    assert "<h4>events" in f._repr_html_()


def test_parse_false_skips_trees_but_keeps_tags() -> None:
    text = "Russia attacked Ukraine on Monday."
    with_trees = ef.Pipeline(n_threads=1).extract(text)
    without = ef.Pipeline(n_threads=1, parse=False).extract(text)
    assert with_trees.tokens.get_column("deprel").null_count() < with_trees.tokens.height
    assert without.tokens.get_column("deprel").null_count() == without.tokens.height
    assert without.tokens.get_column("upos").null_count() == 0
    assert without.events.get_column("cameo").to_list() == ["190"]
