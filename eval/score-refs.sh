#!/usr/bin/env bash
# Scores registre's legal references on eval/refs-gold/ (11 real documents annotated for their
# references only, held out from tuning). Usage: eval/score-refs.sh [score.py options, e.g. -v]
here=$(cd "$(dirname "$0")" && pwd)
GOLD_DIR="$here/refs-gold" exec "$here/score-extra.sh" "$@"
