"""``python -m bench [NAME ...]``: run the named benchmarks (all by default) and print one table.

Run as part of the whole suite (no names), a benchmark module's ``run_in_suite()`` is used when
it has one: ``crash`` then kills its child 40 times instead of 200 (``python -m bench crash``).
Options after one name go to that benchmark: ``python -m bench scale --years 1``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from bench import Figure


def available() -> list[str]:
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_"))


def format_table(rows: list[tuple[str, Figure]]) -> str:
    lines = [f"{'benchmark':<12} {'figure':<44} {'value':>12} {'goal':>14} {'ratio':>8}  ok"]
    for bench_name, fig in rows:
        ratio = f"{fig.ratio:.1f}x" if fig.ratio is not None else "-"
        ok = {True: "yes", False: "NO", None: "-"}[fig.met]
        lines.append(
            f"{bench_name:<12} {fig.name:<44} {fig.value:>9.2f} {fig.unit:<2} "
            f"{fig.goal:>14} {ratio:>8}  {ok}"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    in_suite = not argv
    options = [a for n, a in enumerate(argv) if any(b.startswith("-") for b in argv[: n + 1])]
    names = argv[: len(argv) - len(options)] or available()
    if options and len(names) != 1:
        print("options go to one benchmark: python -m bench NAME --option ...", file=sys.stderr)
        return 2
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; have: {', '.join(available())}",
            file=sys.stderr,
        )
        return 2
    rows: list[tuple[str, Figure]] = []
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"running {name} ...", file=sys.stderr, flush=True)
        run = getattr(module, "run_in_suite", None) if in_suite else None
        found = module.run(options) if options else (run or module.run)()
        rows.extend((name, figure) for figure in found)
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
