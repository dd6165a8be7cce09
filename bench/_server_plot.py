"""The server's figure of ``docs/benchmarks.md``: ``bench server_months`` figures against the
events stored, read from the tables of one or more runs (each run gives the empty database and
its loaded size; the empty points of several runs are averaged).

``python -m bench._server_plot docs/server_scale.png RUN.txt [RUN.txt ...]``
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

SERIES = {
    "push per 500 events, {} p95": ("push, 500 events, p95 (ms)", 1.0),
    "pull of 20000 reference rows, {}": ("pull of 20 000 rows (ms)", 1000.0),
    "tenant month page, {} p95": ("tenant month page p95 (ms)", 1.0),
    "manager month takings, {} p95": ("manager month takings p95 (ms)", 1.0),
    "manager day takings, {} p95": ("manager day takings p95 (ms)", 1.0),
    "manager day-end, {} p95": ("manager day-end p95 (ms)", 1.0),
}
_ROW = re.compile(r"^server_months\s+(.+?)\s{2,}(-?[\d.]+) (\S+)")


def read(paths: list[Path]) -> dict[str, dict[int, list[float]]]:
    """label -> events stored -> values found."""
    found: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    for path in paths:
        for line in path.read_text().splitlines():
            row = _ROW.match(line)
            if row is None:
                continue
            name, value = row.group(1).strip(), float(row.group(2))
            for pattern, (label, scale) in SERIES.items():
                head, tail = pattern.split("{}")
                if name.startswith(head) and name.endswith(tail.rstrip()):
                    middle = name[len(head) : len(name) - len(tail.rstrip())].strip().rstrip(",")
                    size = 0 if middle == "empty database" else int(middle.split()[0])
                    found[label][size].append(value * scale)
    return found


def plot(found: dict[str, dict[int, list[float]]], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(figsize=(11, 5))
    for label, by_size in found.items():
        sizes = sorted(by_size)
        values = [sum(by_size[s]) / len(by_size[s]) for s in sizes]
        axes.plot([s / 1e6 for s in sizes], values, marker="o", label=label)
    axes.axhline(300, color="black", linestyle="--", linewidth=1, label="pages' goal (300 ms)")
    axes.set_xlabel("events stored (millions; 50 sites x 3 counters)")
    axes.set_ylabel("ms")
    axes.set_yscale("log")
    axes.set_title("bench server_months: the server against history size")
    axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.tight_layout()
    fig.savefig(out, dpi=100)


def main(argv: list[str]) -> int:
    plot(read([Path(p) for p in argv[1:]]), Path(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
