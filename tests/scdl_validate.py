"""Validates an SCDL CSV against its Table Schema with frictionless, then runs the schema's
custom checks (which frictionless does not know): SIRET, year interval, cohesive columns,
column comparisons, sum of votes, ACTES nomenclature names.

Usage: scdl_validate.py FILE.csv SCHEMA.json. Prints one report line per part; exits 1 on
any error.
"""
import csv
import json
import os
import sys
import unicodedata

from frictionless import Resource, Schema

csv_path, schema_path = (os.path.abspath(p) for p in sys.argv[1:3])
descriptor = json.load(open(schema_path, encoding="utf-8"))

# frictionless refuses absolute paths ("not safe"): validate from the file's folder.
os.chdir(os.path.dirname(csv_path))
schema = Schema.from_descriptor(
    {k: v for k, v in descriptor.items() if k in ("fields", "missingValues", "primaryKey")}
)
report = Resource(path=os.path.basename(csv_path), schema=schema).validate()
task = report.tasks[0]
print(
    f"frictionless: {'VALID' if report.valid else 'INVALID'} {os.path.basename(csv_path)}: "
    f"{task.stats.get('rows')} rows, {task.stats.get('fields')} fields, "
    f"{len(task.errors)} errors"
)
for e in task.errors[:20]:
    print(f"  row {getattr(e, 'row_number', '-')}: {e.type}: {e.message}")

rows = list(csv.DictReader(open(csv_path, encoding="utf-8", newline="")))
errors = []


def luhn(s):
    total = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def fold(s):
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c)).strip()


ACTES_LEVEL1 = {
    fold(x)
    for x in (
        "Commande publique",
        "Urbanisme",
        "Domaine et patrimoine",
        "Fonction publique",
        "Institutions et vie politique",
        "Libertés publiques et pouvoirs de police",
        "Finances locales",
        "Domaines de compétences par thèmes",
        "Autres domaines de compétences",
    )
}


def siret(row, p):
    v = row[p["column"]]
    if not v:
        return None
    if v.startswith("356000000"):
        return None if sum(map(int, v)) % 5 == 0 else "La Poste SIRET"
    ok = len(v) == 14 and v.isdigit() and luhn(v[:9]) and luhn(v)
    return None if ok else f"{v} is not a valid SIRET"


def year_interval(row, p):
    v = row[p["column"]]
    if not v:
        return None
    parts = v.split("/")
    if len(parts) == 1 and p.get("allow-year-only") == "yes" and v.isdigit() and len(v) == 4:
        return None
    if len(parts) == 2 and all(x.isdigit() and len(x) == 4 for x in parts) and parts[0] < parts[1]:
        return None
    return f"{v} is not a year or an interval of years"


def cohesive(row, p):
    cols = [p["column"], *p["othercolumns"]]
    filled = [bool(row[c]) for c in cols]
    return None if all(filled) or not any(filled) else f"{cols} must be all filled or all empty"


OPS = {">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b,
       "<": lambda a, b: a < b, "==": lambda a, b: a == b}


def compare(row, p):
    a, b = row[p["column"]], row[p["column2"]]
    if not a or not b:
        return None
    if a.isdigit() and b.isdigit():
        a, b = int(a), int(b)
    return None if OPS[p["op"]](a, b) else f"{p['column']} {a} {p['op']} {p['column2']} {b} fails"


def sum_columns(row, p):
    vals = [row[p["column"]], *(row[c] for c in p["columns"])]
    if not all(vals):
        return None
    total = sum(int(row[c]) for c in p["columns"])
    return None if int(vals[0]) == total else f"{p['column']} {vals[0]} != sum {total}"


def nomenclature(row, p):
    v = row[p["column"]]
    if not v:
        return None
    if "/" not in v:
        return f"{v!r}: no slash"
    if " /" in v or "/ " in v:
        return f"{v!r}: spaces around the slash"
    return None if fold(v.split("/")[0]) in ACTES_LEVEL1 else f"{v!r}: unknown ACTES level 1"


CHECKS = {
    "french-siret-value": siret,
    "year-interval-value": year_interval,
    "cohesive-columns-value": cohesive,
    "compare-columns-value": compare,
    "sum-columns-value": sum_columns,
    "nomenclature-actes-value": nomenclature,
}

for check in descriptor.get("custom_checks", []):
    fn = CHECKS.get(check["name"])
    if fn is None:
        errors.append(f"custom check {check['name']} is not implemented here")
        continue
    for n, row in enumerate(rows, start=2):
        msg = fn(row, check["params"])
        if msg:
            errors.append(f"row {n}: {check['name']}: {msg}")

print(
    f"custom checks: {len(descriptor.get('custom_checks', []))} checks over {len(rows)} rows, "
    f"{len(errors)} errors"
)
for e in errors[:20]:
    print("  " + e)
sys.exit(0 if report.valid and not errors else 1)
