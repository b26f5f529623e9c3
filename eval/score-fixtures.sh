#!/usr/bin/env bash
# Scores registre on the invented fixtures of fixtures/, against the gold annotations of
# eval/fixtures-gold/ (format of ../shared/corpus/GOLD.md): a temporary folder pairs each
# gold file with a link to its source, fixtures/NAME.txt or fixtures/NAME.pdf.
# Fixtures without a gold file (scan_stamp_only: no text layer) are not scored.
# Usage: eval/score-fixtures.sh [score.py options, e.g. -v]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$here/../shared" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for g in "$here"/eval/fixtures-gold/*.gold.json; do
  name=$(basename "$g" .gold.json)
  if [ -f "$here/fixtures/$name.pdf" ]; then ext=pdf
  elif [ -f "$here/fixtures/$name.txt" ]; then ext=txt
  else echo "no fixture for $name" >&2; exit 1
  fi
  ln -s "$here/fixtures/$name.$ext" "$tmp/$name.$ext"
  ln -s "$g" "$tmp/$name.gold.json"
done
python3 "$shared/eval/score.py" "$tmp" --bin "${REGISTRE_BIN:-$here/target/release/registre}" "$@"
