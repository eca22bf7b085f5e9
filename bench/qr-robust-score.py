#!/usr/bin/env python3
"""Scores bench-qr-robust.sh: which frames each decoder read right.

usage: qr-robust-score.py SET DIR
DIR holds N.jpg with N.txt (the exact text of its code), picday.json (the
dry-run sort of DIR), and zbarimg/N.out, zxing/N.out (what each printed).
Prints one line per decoder: "SET DECODER found total", then "SET held N
total" (frames picday did not read but held as "unreadable code?"), and the
frames
picday missed that another decoder read, on stderr.
"""
import json
import os
import sys


def norm(t):
    """As picday files a code: trimmed, digits without leading zeros."""
    t = t.replace("\r\n", "\n").strip()
    if t.isdigit():
        t = t.lstrip("0") or "0"
    return t


def main():
    name, d = sys.argv[1], sys.argv[2]
    frames = sorted(f[:-4] for f in os.listdir(d) if f.endswith(".jpg"))
    want = {}
    for f in frames:
        with open(os.path.join(d, f + ".txt"), encoding="utf-8",
                  errors="replace") as fh:
            want[f] = fh.read().strip()
    with open(os.path.join(d, "picday.json"), encoding="utf-8") as fh:
        sort = json.load(fh)
    got = {}
    for code, rels in sort.get("markers", {}).items():
        for rel in rels:
            got.setdefault(os.path.basename(rel)[:-4], set()).add(norm(code))
    found = {"picday": set(), "zbarimg": set(), "zxing-cpp": set()}
    for f in frames:
        if norm(want[f]) in got.get(f, set()):
            found["picday"].add(f)
        for dec, sub in (("zbarimg", "zbarimg"), ("zxing-cpp", "zxing")):
            with open(os.path.join(d, sub, f + ".out"), encoding="utf-8",
                      errors="replace") as fh:
                if want[f] and norm(want[f]) in fh.read().replace("\r\n",
                                                                  "\n"):
                    found[dec].add(f)
    held = set(os.path.basename(rel)[:-4]
               for rel in sort.get("unreadable_code", [])) - found["picday"]
    for dec in ("picday", "zbarimg", "zxing-cpp"):
        print(name, dec, len(found[dec]), len(frames))
    # Frames picday did not read but held as "unreadable code?" (not
    # filed silently with the student before).
    print(name, "held", len(held), len(frames))
    missed = (found["zbarimg"] | found["zxing-cpp"]) - found["picday"]
    if missed:
        print("   %s: picday missed %s" % (name, " ".join(sorted(missed))),
              file=sys.stderr)


main()
