"""The README stays true: its frame reference is current and its quickstart runs."""

from __future__ import annotations

import re
from pathlib import Path

import eventframe as ef

README = Path(__file__).resolve().parent.parent / "README.md"


def test_frame_reference_is_current() -> None:
    text = README.read_text(encoding="utf-8")
    m = re.search(r"<!-- schema:start -->\n(.*)\n<!-- schema:end -->", text, re.S)
    assert m, "schema markers missing from README.md"
    assert m.group(1).strip() == ef.schema_markdown().strip(), (
        "README frame reference is stale; regenerate it from ef.schema_markdown()"
    )


def test_first_commands_are_install_and_test() -> None:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S)
    assert block
    lines = [ln for ln in block.group(1).splitlines() if ln.strip()]
    assert lines[0].startswith("pip install . && eventframe demo")
    assert lines[1].startswith("bash scripts/test.sh")
    assert (README.parent / "scripts" / "test.sh").is_file()


def test_python_blocks_run() -> None:
    text = README.read_text(encoding="utf-8")
    for block in re.findall(r"```python\n(.*?)```", text, re.S):
        exec(compile(block, "README.md", "exec"), {})
