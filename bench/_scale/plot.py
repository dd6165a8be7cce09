"""The figure of ``docs/benchmarks.md``: each ``bench scale`` figure against history size, as
a share of its goal (1.0 is the goal), from the numbers ``--json`` kept.

``python -m bench._scale.plot RESULTS.json docs/scale.png``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

GOALS: dict[str, tuple[str, float, float]] = {
    # key: (label, scale to the goal's unit, goal)
    "checkout_p95_ms": ("checkout p95 (5 ms)", 1.0, 5.0),
    "scan_p95_ms": ("scan to basket p95 (16 ms)", 1.0, 16.0),
    "start_s": ("cold start to login (1 s)", 1.0, 1.0),
    "z_s": ("Z report, 20 tenants (1 s)", 1.0, 1.0),
    "board_first_ms": ("repair board (300 ms)", 1.0, 300.0),
    "saft_s": ("SAF-T tenant-year (60 s)", 1.0, 60.0),
    "since_check_s": ("verify since anchor (2 s)", 1.0, 2.0),
    "verify_s": ("verify whole store (120 s)", 1.0, 120.0),
    "backup_s": ("daily backup (10 s)", 1.0, 10.0),
}


def per_sale_kb(result: dict[str, Any]) -> float:
    return float(result["store_bytes"]) / max(int(result["sales"]), 1) / 1024


def plot(results: list[dict[str, Any]], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [r["label"] for r in results]
    x = list(range(len(results)))
    fig, (times, sizes) = plt.subplots(1, 2, figsize=(12, 5), width_ratios=(2, 1))
    for key, (label, scale, goal) in GOALS.items():
        shares = [float(r[key]) * scale / goal for r in results]
        times.plot(x, shares, marker="o", label=label)
    times.axhline(1.0, color="black", linestyle="--", linewidth=1)
    times.set_yscale("log")
    times.set_xticks(x, labels)
    times.set_ylabel("figure / goal (below 1: goal met)")
    times.set_title("Time against history size")
    times.legend(fontsize=7, loc="upper left")
    kb = [per_sale_kb(r) for r in results[1:]]
    sizes.bar([r["label"] for r in results[1:]], kb, color="tab:gray")
    sizes.axhline(4.0, color="black", linestyle="--", linewidth=1)
    sizes.set_ylabel("KB of store per sale (goal 4 KB)")
    sizes.set_title("Store size per sale")
    fig.suptitle(f"bench scale: load {', '.join(r['load'].split()[0] for r in results)}")
    fig.tight_layout()
    fig.savefig(out, dpi=100)


def main(argv: list[str]) -> int:
    results = json.loads(Path(argv[0]).read_text())
    plot(results, Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
