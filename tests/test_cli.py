"""The command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polars as pl


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventframe", *args], capture_output=True, text=True, check=True
    )


def test_demo_prints_tables() -> None:
    out = _run("demo").stdout
    for title in ("events (", "actors (", "figures ("):
        assert title in out
        assert f"{title}0)" not in out


def test_extract_reads_every_input_kind(tmp_path: Path) -> None:
    folder = tmp_path / "txt"
    folder.mkdir()
    (folder / "a.txt").write_text("Russia attacked Ukraine on Monday.", encoding="utf-8")
    (folder / "b.txt").write_text("NATO condemned the attack.", encoding="utf-8")
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text(
        "\n".join(json.dumps({"doc_id": f"j{i}", "text": "Iran warned Israel."}) for i in range(2)),
        encoding="utf-8",
    )
    csv = tmp_path / "docs.csv"
    pl.DataFrame({"body": ["China criticised Japan."]}).write_csv(csv)
    pq = tmp_path / "docs.parquet"
    pl.DataFrame({"text": ["Turkey met Greece."], "published": ["2024-01-02"]}).write_parquet(pq)
    out = tmp_path / "out"
    _run(
        "extract",
        str(folder),
        str(jsonl),
        str(csv),
        str(pq),
        "-o",
        str(out),
        "--text-col",
        "body",
        "--published",
        "2024-11-06",
        "-q",
    )
    docs = pl.read_parquet(out / "documents.parquet")
    assert docs.height == 6
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{n}.parquet"
        for n in (
            "documents",
            "sentences",
            "tokens",
            "mentions",
            "actors",
            "events",
            "figures",
            "errors",
        )
    )


def test_extract_csv_format_and_missing_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Russia warned Ukraine.", encoding="utf-8")
    _run("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o"), "--format", "csv", "-q")
    assert (tmp_path / "o" / "events.csv").exists()
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "eventframe",
            "extract",
            str(tmp_path / "nope.txt"),
            "-o",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert bad.returncode != 0 and "does not exist" in bad.stderr


def test_schema_command() -> None:
    out = _run("schema").stdout
    assert "### `events`" in out and "`cameo_root`" in out
