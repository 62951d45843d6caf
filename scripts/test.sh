#!/usr/bin/env bash
# The whole test suite, as CI runs it: Rust checks and tests, then the wheel and its Python tests.
# Usage: bash scripts/test.sh   (from anywhere; needs cargo and python3 >= 3.10 on PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/eventframe/target}"
export CARGO_TERM_COLOR=never
VENV="${EVENTFRAME_VENV:-$HOME/.cache/eventframe/venv}"
step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check
step "cargo clippy (core, then with the python feature)"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --all-targets --locked --features python -- -D warnings
step "cargo test (pure Rust core, no Python)"
cargo test --locked

step "build and install the wheel into $VENV"
python3 -m venv "$VENV"
# shellcheck disable=SC1091
. "$VENV/bin/activate"
python -m pip install -q --upgrade pip
python -m pip install -q ".[test]"
python - <<'PY'
import eventframe as ef
ef.extract("Russia attacked Ukraine.")
print("installed eventframe", ef.__version__)
PY

step "ruff and mypy --strict on the Python package"
python -m ruff check python tests
python -m ruff format --check python tests
python -m mypy

step "pytest: API, CLI, notebooks, README, doctests"
python -m pytest -q -p no:cacheprovider tests
python -m pytest -q -p no:cacheprovider --doctest-modules --pyargs eventframe
step "all tests passed"
