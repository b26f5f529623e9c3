#!/bin/sh
# Rebuilds the seed corpora of the fuzz targets (not committed):
#   fuzz/corpus/parse_text/   the text fixtures, and each PDF fixture's text as registre reads it
#   fuzz/corpus/pdf_extract/  the PDF fixtures, a few small PDFs of the shared
#                             corpus (../shared/corpus/real, read only), a small hand-written
#                             PDF with an uncompressed content stream
# Run from anywhere: sh fuzz/seed.sh  (REGISTRE_SHARED overrides ../shared).
set -eu
FUZZ=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$FUZZ")
SHARED=${REGISTRE_SHARED:-$ROOT/../shared}
TEXT=$FUZZ/corpus/parse_text
PDF=$FUZZ/corpus/pdf_extract
mkdir -p "$TEXT" "$PDF"

for f in "$ROOT"/fixtures/*.txt; do
    cp "$f" "$TEXT/"
done

for f in "$ROOT"/fixtures/*.pdf; do
    cp "$f" "$PDF/"
done

# The smallest PDFs of the shared corpus (under 40 kB), at most eight of them.
if [ -d "$SHARED/corpus/real" ]; then
    find "$SHARED/corpus/real" -name '*.pdf' -size -40k -printf '%s %p\n' \
        | sort -n | head -n 8 | while read -r _ p; do
            cp "$p" "$PDF/shared_$(basename "$(dirname "$p")")_$(basename "$p")"
        done
else
    echo "seed.sh: no shared corpus at $SHARED; PDF seeds from the fixtures only" >&2
fi

# A one-page PDF whose content stream is plain text (no compression), so that mutations
# reach the text operators, fonts and the cross-reference table rather than a deflate stream.
python3 - "$PDF/handmade_uncompressed.pdf" <<'PY'
import sys
content = (b"BT /F1 11 Tf 72 770 Td 14 TL "
           b"(EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL) Tj "
           b"T* (Seance du 10 juin 2024. Presents : 12. Procurations : 2.) Tj "
           b"T* (Objet : budget primitif. Le Conseil Municipal, apres en avoir delibere,) Tj "
           b"T* [(DECIDE a l'unanimit) 20 (e) -250 (Pour : 14 Contre : 0)] TJ "
           b"0 -40 Td (Article L2121-17 du CGCT) ' ET")
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
PY

# What registre reads from each PDF seed becomes a text seed too.
if [ -x "$ROOT/target/release/registre" ]; then
    for f in "$PDF"/*.pdf; do
        "$ROOT/target/release/registre" text "$f" > "$TEXT/from_$(basename "$f" .pdf).txt" 2>/dev/null \
            || rm -f "$TEXT/from_$(basename "$f" .pdf).txt"
    done
fi
echo "parse_text: $(ls "$TEXT" | wc -l) seeds; pdf_extract: $(ls "$PDF" | wc -l) seeds"
