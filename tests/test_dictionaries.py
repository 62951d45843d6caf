"""Bring-your-own PETRARCH dictionaries through the Python API (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import eventframe as ef
from eventframe.bench import shared_data


@pytest.fixture(scope="module")
def validate_dir() -> Path:
    data = shared_data()
    if data is None:
        pytest.skip("../shared/data not found (reference data absent on this machine)")
    return data / "events" / "petrarch_unit_tests"


def test_validation_dictionaries_code_invented_actors(validate_dir: Path) -> None:
    p = ef.Pipeline(
        actors=[validate_dir / "PETR.Validate.actors.txt"],
        agents=[validate_dir / "PETR.Validate.agents.txt"],
        verbs=[validate_dir / "PETR.Validate.verbs.txt"],
        mode="replace",
        n_threads=1,
    )
    f = p.extract(
        "Arnor is about to restore full diplomatic ties with Gondor.", published="2008-01-01"
    )
    codes = set(f.actors.get_column("code").drop_nulls().to_list())
    assert "GON" in codes and "ARN" in codes, f.actors
    assert f.events.height >= 1


def test_phoenix_dictionaries_extend_builtin_knowledge(validate_dir: Path) -> None:
    phoenix = validate_dir.parent / "dictionaries"
    p = ef.Pipeline(
        actors=[phoenix / "Phoenix.Countries.actors.txt"],
        agents=[phoenix / "Phoenix.agents.txt"],
        mode="extend",
        n_threads=1,
    )
    f = p.extract(
        "Russian President Vladimir Putin met Chinese leader Xi Jinping.", published="2024-05-16"
    )
    codes = dict(zip(f.actors["name"].to_list(), f.actors["code"].to_list(), strict=True))
    putin = [c for n, c in codes.items() if "Putin" in n]
    xi = [c for n, c in codes.items() if "Xi Jinping" in n]
    assert putin == ["RUSGOV"], codes
    assert xi == ["CHNGOV"], codes


def test_discard_list_silences_sentences(tmp_path: Path) -> None:
    text = "Russia attacked Ukraine during the football match."
    assert ef.Pipeline(n_threads=1).extract(text).events.height >= 1
    listing = tmp_path / "discards.txt"
    listing.write_text("FOOTBALL MATCH\n", encoding="utf-8")
    p = ef.Pipeline(discards=[listing], n_threads=1)
    assert p.extract(text).events.height == 0
    assert p.extract("Russia attacked Ukraine.").events.height >= 1


def test_missing_dictionary_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(OSError) as info:
        ef.Pipeline(actors=[tmp_path / "nope.txt"])
    assert "nope.txt" in str(info.value)


def test_codebook_joins_events() -> None:
    f = ef.extract("Russia attacked Ukraine on Monday.", published="2024-11-06")
    joined = f.events.join(ef.codebooks.cameo(), left_on="cameo", right_on="code", how="left")
    assert joined.height == f.events.height
    assert (
        joined.filter(
            pl.col("name_right").is_null()
            if "name_right" in joined.columns
            else pl.col("name").is_null()
        ).height
        == 0
    )
