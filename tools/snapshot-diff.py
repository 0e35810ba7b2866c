#!/usr/bin/env python3
"""Compares two snapshots of tools/snapshot.sh: BEFORE AFTER.

Every mart/ref table of BEFORE must exist in AFTER with the same rows on the columns BEFORE had
(AFTER may add columns); the chart hashes and the masked report text must be identical.
Prints what differs and exits 1 if anything does."""
import csv, os, sys
from collections import Counter

def rows(path, columns=None):
    with open(path, newline='', encoding='utf-8') as f:
        r = csv.reader(f, delimiter=';')
        header = next(r, [])
        idx = [header.index(c) for c in (columns or header)]
        return header, Counter(tuple(row[i] for i in idx) for row in r)

def main(a, b):
    bad = []
    for name in sorted(os.listdir(os.path.join(a, 'tables'))):
        pa, pb = os.path.join(a, 'tables', name), os.path.join(b, 'tables', name)
        if not os.path.exists(pb):
            bad.append(f'{name}: missing after'); continue
        ha, ra = rows(pa)
        hb, _ = rows(pb)
        lost = [c for c in ha if c not in hb]
        if lost:
            bad.append(f'{name}: columns gone after: {lost}'); continue
        _, rb = rows(pb, ha)
        if ra != rb:
            only_a, only_b = ra - rb, rb - ra
            bad.append(f'{name}: {sum(only_a.values())} rows only before, {sum(only_b.values())} only after; '
                       f'e.g. before {next(iter(only_a), None)} after {next(iter(only_b), None)}')
    for f in ('charts.sha256', 'report.txt'):
        if open(os.path.join(a, f), encoding='utf-8').read() != open(os.path.join(b, f), encoding='utf-8').read():
            bad.append(f'{f} differs (diff {a}/{f} {b}/{f})')
    for line in bad:
        print(line)
    print('snapshots equal' if not bad else f'{len(bad)} differences')
    return 1 if bad else 0

if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
