#!/usr/bin/env python3
"""Whole-run benchmarks of registre: one table, one run.

    python3 bench/run.py [--quick] [--shared ../shared]

- PDF end to end: `registre parse --jobs 1` on every PDF of corpus/real, against
  `pdftotext` alone on the same files (one process a file, as a script would run it);
- the cost of isolation: the same run with `--in-process`;
- speed-up from 1 to 2 jobs on the whole corpus;
- peak RSS on 1x, 10x and 100x copies of the corpus (as text, so that 100x stays minutes);
- a synthetic archive of 100,000 documents made from the fixtures, end to end.

Timings are the best of a few rounds (wall clock); peak RSS is the largest resident set of
registre itself (its PDF workers are separate processes with their own cap). Nothing is written
under the shared corpus: work files go to target/bench/.
"""

import argparse
import io
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "registre"
WORK = ROOT / "target" / "bench"


def run(cmd, stdin=None, rounds=1):
    """Best wall time of `rounds` runs, and the peak RSS (MiB) of the process itself."""
    best, rss = None, 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin else None,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if stdin:
            p.stdin.write(stdin)
            p.stdin.close()
        _, status, usage = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
        rss = max(rss, usage.ru_maxrss / 1024)
    return best, rss


def pdftotext_all(pdfs):
    t0 = time.perf_counter()
    for f in pdfs:
        subprocess.run(["pdftotext", str(f), "/dev/null"], stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def corpus_texts(shared):
    """The corpus as text files (extracted once by `registre text`), for the copies."""
    out = WORK / "texts"
    if out.exists():
        return sorted(out.glob("*.txt"))
    out.mkdir(parents=True)
    n = 0
    for f in sorted((shared / "corpus").rglob("*")):
        if not f.is_file() or "hostile" in f.parts or f.suffix.lower() not in (".pdf", ".txt"):
            continue
        p = subprocess.run([str(BIN), "text", str(f)], capture_output=True)
        if p.returncode == 0 and p.stdout.strip():
            (out / f"{n:04d}.txt").write_bytes(p.stdout)
            n += 1
    return sorted(out.glob("*.txt"))


def copies(texts, k):
    """A folder holding k copies of the text corpus (hard links: no disk)."""
    d = WORK / f"copies-{k}"
    if d.exists():
        return d
    for i in range(k):
        sub = d / f"{i:03d}"
        sub.mkdir(parents=True)
        for t in texts:
            os.link(t, sub / t.name)
    return d


def synthetic(n, seed=7):
    """A .tar.gz of n documents made from the fixtures: dates, numbers and names varied."""
    path = WORK / f"synthetic-{n}.tar.gz"
    if path.exists():
        return path
    fixtures = []
    for p in sorted((ROOT / "fixtures").glob("*.txt")):
        try:
            fixtures.append(p.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            pass  # the fixtures of legacy encodings

    rng = random.Random(seed)
    surnames = ["MARTIN", "BERNARD", "PETIT", "DURAND", "LEROY", "MOREAU", "SIMON", "LAURENT",
                "MICHEL", "GARCIA", "ROUX", "FOURNIER", "GIRARD", "BONNET", "MERCIER", "BLANC"]
    with tarfile.open(path, "w:gz", compresslevel=1) as tar:
        for i in range(n):
            text = fixtures[i % len(fixtures)]
            year = 2015 + rng.randrange(11)
            text = re.sub(r"\b20[12]\d\b", str(year), text)
            text = re.sub(r"\b[A-Z]{4,}\b(?=[ ,.\n])",
                          lambda m: rng.choice(surnames) if rng.random() < 0.3 else m.group(0), text)
            data = text.encode("utf-8")
            info = tarfile.TarInfo(f"commune-{i % 997:03d}/{year}/doc-{i:06d}.txt")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--quick", action="store_true", help="1 round, 10x and 10,000 documents")
    args = ap.parse_args()
    shared = Path(args.shared).resolve()
    rounds = 1 if args.quick else 3
    if not BIN.exists():
        subprocess.run(["cargo", "build", "--release"], cwd=ROOT, check=True)
    if shutil.which("pdftotext") is None:
        sys.exit("pdftotext is missing (Debian: poppler-utils)")
    WORK.mkdir(parents=True, exist_ok=True)
    rows = []

    pdfs = sorted((shared / "corpus" / "real").rglob("*.pdf"))
    mb = sum(p.stat().st_size for p in pdfs) / 1e6
    pt = min(pdftotext_all(pdfs) for _ in range(rounds))
    iso, _ = run([str(BIN), "parse", "-q", "--jobs", "1", *map(str, pdfs)], rounds=rounds)
    inproc, _ = run([str(BIN), "parse", "-q", "--jobs", "1", "--in-process", *map(str, pdfs)],
                    rounds=rounds)
    rows.append((f"PDF end to end, {len(pdfs)} PDFs ({mb:.0f} MB), 1 job: pdftotext alone",
                 f"{pt:.2f} s", ""))
    rows.append(("  registre parse (PDFs in worker processes)", f"{iso:.2f} s",
                 f"ratio {iso / pt:.2f} (goal <= 1.0)"))
    rows.append(("  registre parse --in-process", f"{inproc:.2f} s",
                 f"isolation costs {100 * (iso - inproc) / inproc:+.1f} %"))

    corpus = [str(shared / "corpus" / "real"), str(shared / "corpus" / "dev")]
    j1, _ = run([str(BIN), "parse", "-q", "--jobs", "1", *corpus], rounds=rounds)
    j2, _ = run([str(BIN), "parse", "-q", "--jobs", "2", *corpus], rounds=rounds)
    rows.append(("Whole corpus (real + dev), --jobs 1", f"{j1:.2f} s", ""))
    rows.append(("  --jobs 2", f"{j2:.2f} s", f"speed-up {j1 / j2:.2f}x (goal >= 1.8x)"))

    texts = corpus_texts(shared)
    tmb = sum(t.stat().st_size for t in texts) / 1e6
    for k in ([1, 10] if args.quick else [1, 10, 100]):
        d = copies(texts, k)
        t, rss = run([str(BIN), "parse", "-q", "--unordered", str(d)])
        n = k * len(texts)
        rows.append((f"Corpus as text x{k}: {n} documents, {k * tmb:.0f} MB",
                     f"{t:.2f} s", f"{n / t:.0f} docs/s, {k * tmb / t:.1f} MB/s, peak RSS {rss:.0f} MiB"))

    n = 10_000 if args.quick else 100_000
    arch = synthetic(n)
    t, rss = run([str(BIN), "parse", "-q", str(arch)])
    rows.append((f"Synthetic archive: {n} documents in one .tar.gz ({arch.stat().st_size / 1e6:.0f} MB)",
                 f"{t:.2f} s", f"{n / t:.0f} docs/s, peak RSS {rss:.0f} MiB"))

    cpu = os.cpu_count()
    print(f"registre benchmarks ({cpu} cores, {time.strftime('%Y-%m-%d')}; best of {rounds})\n")
    print("| run | time | figure |")
    print("|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} |")


if __name__ == "__main__":
    main()
