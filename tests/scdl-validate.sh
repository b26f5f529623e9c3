#!/usr/bin/env bash
# Validates an SCDL Délibérations CSV: frictionless (from PyPI, in a venv under target/)
# against the schema, then the schema's custom checks. Usage: tests/scdl-validate.sh FILE SCHEMA
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${CARGO_TARGET_DIR:-$root/target}/frictionless-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import frictionless" 2>/dev/null; then
  # Debian splits venv out of python3; install it when missing.
  python3 -m venv "$venv" 2>/dev/null || {
    rm -rf "$venv"
    apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$venv"
  }
  "$venv/bin/pip" install --quiet "frictionless>=5,<6"
fi
exec "$venv/bin/python" "$root/tests/scdl_validate.py" "$1" "$2"
