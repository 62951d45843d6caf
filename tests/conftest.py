"""Shared fixtures: the seed article from ../shared (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventframe.bench import shared_data


def _acceptance() -> Path | None:
    data = shared_data()
    if data is None:
        return None
    acc = data.parent / "acceptance"
    return acc if (acc / "seed.txt").is_file() else None


@pytest.fixture(scope="session")
def seed() -> tuple[str, dict[str, Any]]:
    acc = _acceptance()
    if acc is None:
        pytest.skip(
            "../shared/acceptance/seed.txt not found (reference data absent on this machine)"
        )
    text = (acc / "seed.txt").read_text(encoding="utf-8")
    gold = json.loads((acc / "seed.gold.json").read_text(encoding="utf-8"))
    return text, gold
