#!/usr/bin/env python3
"""The layers of picday's source tree (DESIGN §2, doc/architecture.md).

Usage: layers.py SRCDIR

Builds the graph of `#include "..."` lines between the files of SRCDIR
(src/).  A node is a module: foo.c and foo.h are one node, "dir/foo"
(and foo-int.h, the module's private header, belongs to it too).
Prints one line per problem and exits 1 if there is any:

  up: FILE:LINE includes X  -- an include that points up the layer order,
                               or sideways between two layers of one rank
  cycle: a -> b -> a (...)  -- modules that include each other

The order, lowest first: util < store, media, net < core < jobs < cli, tui
< main.c.  A file may include its own layer and the layers below it; the
layers of one rank (store/media/net, cli/tui) never include each other.
Includes of files that are not in SRCDIR (config.h) are left out.
"""
import os
import re
import sys

RANK = {
    "util": 0,
    "store": 1, "media": 1, "net": 1,
    "core": 2,
    "jobs": 3,
    "cli": 4, "tui": 4,
    "main": 5,		# the files right in src/ (main.c)
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of(rel):
    return rel.split("/")[0] if "/" in rel else "main"


def node_of(rel):
    # A module's private header, foo-int.h, belongs to the module foo.
    base = os.path.splitext(rel)[0]
    return base[:-4] if base.endswith("-int") else base


def scan(src):
    """{file: [(line, included file)]}, paths relative to src."""
    files = {}
    for dirpath, _, names in os.walk(src):
        for name in names:
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(dirpath, name)
            files[os.path.relpath(path, src).replace(os.sep, "/")] = path
    incs = {}
    for rel, path in sorted(files.items()):
        out = []
        with open(path, encoding="utf-8", errors="replace") as f:
            for n, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = m.group(1)
                if target not in files:
                    # "foo.h" next to the file, else outside src/.
                    near = os.path.normpath(os.path.join(
                        os.path.dirname(rel), target)).replace(os.sep, "/")
                    if near not in files:
                        continue
                    target = near
                out.append((n, target))
        incs[rel] = out
    return incs


def check_up(incs):
    problems = []
    for rel, out in sorted(incs.items()):
        a = layer_of(rel)
        for n, target in out:
            b = layer_of(target)
            if a == b:
                continue
            for lay in (a, b):
                if lay not in RANK:
                    problems.append("up: %s:%d includes %s: layer %s/ has no "
                                    "place in the order (tests/cli/layers.py)"
                                    % (rel, n, target, lay))
            if a not in RANK or b not in RANK:
                continue
            if RANK[b] > RANK[a]:
                problems.append("up: %s:%d includes %s: %s is above %s"
                                % (rel, n, target, b, a))
            elif RANK[b] == RANK[a]:
                problems.append("up: %s:%d includes %s: %s and %s must not "
                                "include each other" % (rel, n, target, a, b))
    return problems


def sccs(graph):
    """Tarjan's strongly connected components (iterative)."""
    index, low, on, stack, out = {}, {}, set(), [], []
    counter = [0]
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            pushed = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                    pushed = True
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            if pushed:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                out.append(sorted(comp))
    return out


def shortest_cycle(graph, start, comp):
    """A shortest path start -> ... -> start inside comp."""
    members = set(comp)
    prev = {start: None}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v]):
            if w == start:
                path = [v]
                while prev[path[-1]] is not None:
                    path.append(prev[path[-1]])
                return list(reversed(path)) + [start]
            if w in members and w not in prev:
                prev[w] = v
                queue.append(w)
    return [start, start]


def check_cycles(incs):
    graph, where = {}, {}
    for rel, out in incs.items():
        a = node_of(rel)
        graph.setdefault(a, set())
        for n, target in out:
            b = node_of(target)
            graph.setdefault(b, set())
            if a == b:
                continue
            graph[a].add(b)
            where.setdefault((a, b), ("%s:%d" % (rel, n), target))
    problems = []
    for comp in sccs(graph):
        if len(comp) < 2:
            continue
        path = shortest_cycle(graph, comp[0], comp)
        hops = ", ".join("%s includes %s" % where[(path[i], path[i + 1])]
                         for i in range(len(path) - 1))
        more = ""
        if len(comp) > len(path) - 1:
            more = "; all of: " + " ".join(comp)
        problems.append("cycle: %s (%s%s)" % (" -> ".join(path), hops, more))
    return problems


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        sys.stderr.write("usage: layers.py SRCDIR\n")
        return 2
    incs = scan(argv[1])
    problems = check_up(incs) + check_cycles(incs)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
