"""The kill loop: prepare a counter (demo centre, a ``file://`` printer, enrolled with a server
in its own process), then again and again start the child, SIGKILL it (and now and then the
server) at a random moment, open the store as the app does at start and check it."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench._crash import APP_VERSION as VERSION
from bench._crash.central import ROOT, ServerFacts, ServerProcess, enrol_counter
from bench._crash.checks import LocalFacts, check_local, check_paper, check_server
from pos.counter import Counter, open_counter
from pos.demo.centre import seed_demo
from pos.model.printing import PrinterRole, PrinterSetting
from pos.services import auth, print_queue
from pos.services.context import TillContext
from printers.printing import Printing
from sync.cycle import SyncCycle
from sync.http import SyncError


@dataclass(frozen=True)
class CrashConfig:
    kills: int = 200
    seed: int = 1
    database_url: str | None = None
    """A server database (PostgreSQL) to sync with; None runs without a server."""
    server_kill_chance: float = 0.15
    early_kill_chance: float = 0.1
    """How often the child is killed while it is still starting (recovering) instead of selling."""
    max_delay_s: float = 1.5


@dataclass
class CrashResult:
    kills: int = 0
    server_kills: int = 0
    logged_sales: int = 0
    local: LocalFacts = field(default_factory=LocalFacts)
    server_events: int = 0
    server_events_before_final: int = 0
    """Pushed by the children themselves, between kills (before the final drain)."""
    server_duplicates: int = 0
    server_quarantined: int = 0
    server_flags: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


class CrashHarness:
    def __init__(self, work_dir: Path, config: CrashConfig) -> None:
        self.config = config
        self.rng = random.Random(config.seed)
        self.data_dir = work_dir / "counter"
        self.sale_log = work_dir / "sales.log"
        self.paper = work_dir / "paper.bin"
        self.child_err = work_dir / "child.err"
        self.server: ServerProcess | None = None
        self.facts = ServerFacts(config.database_url) if config.database_url else None
        if config.database_url:
            self.server = ServerProcess(config.database_url, work_dir / "server.log")
        self.result = CrashResult()

    # -- set-up ------------------------------------------------------------------------------
    def prepare(self) -> None:
        with open_counter(self.data_dir) as counter:
            seed_demo(counter.uow, counter.signer())
            manager = auth.authenticate(counter.uow, "9001", "9999")
            ctx = TillContext(counter.register_id(), manager, counter.signer())
            setting = PrinterSetting(ctx.register_id, PrinterRole.RECEIPT, f"file://{self.paper}")
            print_queue.save_printer_setting(counter.uow, ctx, setting)
            if self.server is not None and self.config.database_url:
                self.server.start()
                enrol_counter(counter, self.config.database_url, self.server.url)

    # -- the loop ----------------------------------------------------------------------------
    def run(self) -> CrashResult:
        began = time.monotonic()
        self.prepare()
        try:
            for round_no in range(self.config.kills):
                self.one_round(round_no)
            self.finish()
        finally:
            if self.server is not None:
                self.server.stop()
        self.result.seconds = time.monotonic() - began
        return self.result

    def one_round(self, round_no: int) -> None:
        if self.server is not None and not self.server.running:
            self.server.start()
        child = self._spawn(self.config.seed * 100_000 + round_no)
        try:
            killed = self._kill_at_random(child)
        finally:
            if child.poll() is None:  # also when the harness itself is interrupted
                child.kill()
            child.wait()
        if killed:
            self.result.kills += 1
            self.restart_and_check()

    def _kill_at_random(self, child: subprocess.Popen[str]) -> bool:
        """Wait a random moment (sometimes killing the server meanwhile); False if the child
        died by itself (recorded as a problem)."""
        if self.rng.random() < self.config.early_kill_chance:
            time.sleep(self.rng.uniform(0.0, 1.0))
        elif not self._ready(child):
            return False
        delay = self.rng.uniform(0.02, self.config.max_delay_s)
        if self.server is not None and self.rng.random() < self.config.server_kill_chance:
            first = self.rng.uniform(0.0, delay)
            time.sleep(first)
            self.server.kill()
            self.result.server_kills += 1
            delay -= first
        time.sleep(delay)
        if child.poll() is not None:
            self._child_died(child, "before it was killed")
            return False
        child.kill()
        return True

    def _spawn(self, seed: int) -> subprocess.Popen[str]:
        args = [sys.executable, "-m", "bench._crash.child", str(self.data_dir),
                str(self.sale_log), str(seed)]  # fmt: skip
        if self.server is not None:
            args.append("--sync")
        with open(self.child_err, "ab") as err:
            return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=err, text=True)

    def _ready(self, child: subprocess.Popen[str]) -> bool:
        assert child.stdout is not None
        if child.stdout.readline().strip() == "ready":
            return True
        child.wait()
        self._child_died(child, "while starting")
        return False

    def _child_died(self, child: subprocess.Popen[str], when: str) -> None:
        tail = self.child_err.read_text(errors="replace")[-2000:]
        self.result.problems.append(
            f"the child exited by itself {when} ({child.returncode}):\n{tail}"
        )
        self.result.kills += 1
        self.restart_and_check()

    # -- after a kill ------------------------------------------------------------------------
    def restart_and_check(self, final: bool = False) -> None:
        """Open the store as the till does at start, then check everything."""
        with open_counter(self.data_dir) as counter:
            printing = Printing(counter.uow, counter.register_id())
            print_queue.recover_interrupted(counter.uow, printing.register_id, printing.clock)
            printing.print_unqueued_receipts()
            if final:
                self._drain(counter)
            self._check(counter, final)

    def _check(self, counter: Counter, final: bool) -> None:
        logged = self.sale_log.read_text().split() if self.sale_log.exists() else []
        before = self.result.local.unlogged
        local = check_local(counter, logged)
        problems = local.problems
        if local.unlogged > before + 1:
            problems.append(f"{local.unlogged - before} sales appeared that nobody completed")
        if self.facts is not None:
            total, distinct, pairs = self.facts.events()
            problems += check_server(local, total, distinct, pairs)
            self.result.server_events, self.result.server_duplicates = total, total - distinct
            if not final:
                self.result.server_events_before_final = total
            if final and pairs != local.events:
                problems.append(f"after the final sync the server holds {len(pairs)} of "
                                f"{len(local.events)} events")  # fmt: skip
        if final:
            paper = self.paper.read_bytes() if self.paper.exists() else b""
            problems += check_paper(paper, counter)
        self.result.logged_sales, self.result.local = len(logged), local
        self.result.problems += [f"after kill {self.result.kills}: {p}" for p in problems]

    def _drain(self, counter: Counter) -> None:
        """Send what the kills left queued: the printer's jobs, and the outbox to the server."""
        from printers.worker import PrintWorker

        printing = Printing(counter.uow, counter.register_id())
        PrintWorker(counter.uow, printing.register_id, printing.transports()).run_pending()
        if self.server is None:
            return
        if not self.server.running:
            self.server.start()
        last = ""
        for _ in range(5):
            try:
                if SyncCycle(counter.uow, app_version=VERSION).run().drained:
                    return
            except SyncError as error:
                last = error.reason
                time.sleep(1)
        self.result.problems.append(f"the final sync did not drain the outbox: {last}")

    def finish(self) -> None:
        self.restart_and_check(final=True)
        if self.facts is not None:
            self.result.server_quarantined = self.facts.count("quarantine")
            self.result.server_flags = self.facts.count("event_flags")
