"""A fault-injection campaign: many specs with known verdicts through the fault proxy to a
real emulated board, every verdict checked, every result looked up in the store.

The emulator is QEMU's micro:bit with Debian's MicroPython 1.9.2; the harness reaches it
as a ``board`` target at ``socket://`` through ``FaultProxy``. The specs are generated in
a throwaway project, each from a template whose verdict is known by construction:

==============  =====================================================  ============
template        what it does                                           verdict
==============  =====================================================  ============
print           prints lines of a seeded payload                       PASS
raise           prints, then raises ValueError as CPython does         PASS
differs         prints what its ``.exp`` sidecar does not say          FAIL
documented      differs, and the target's baseline documents it        KNOWN-DIFF
heap            allocates until MemoryError                            RESOURCE
hang            loops forever (timeout 1 s)                            TIMEOUT
reset           resets the board                                       CRASH
==============  =====================================================  ============

A verdict is *correct* when it is the template's, *INFRA* when the harness gave up on the
link (allowed: it is the honest answer), and *wrong* otherwise. A result is *lost* when
the store has no row for a spec that was run.
"""

from __future__ import annotations

import contextlib
import random
import shutil
import string
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from harness.records import Result, Verdict
from harness.testing.faultproxy import FaultPlan, FaultProxy

# Fault rates of the campaign: per byte (drop, garble), per forwarded chunk (delay, outage).
DEFAULT_PLAN = FaultPlan(drop=1 / 4000, garble=1 / 4000, delay=0.02, delay_s=(0.005, 0.1),
                         outage=1 / 40000, outage_s=(0.2, 1.0), seed=1)

# (template, share of the specs, verdict)
TEMPLATES: tuple[tuple[str, float, Verdict], ...] = (
    ("print", 0.70, Verdict.PASS),
    ("raise", 0.10, Verdict.PASS),
    ("differs", 0.08, Verdict.FAIL),
    ("documented", 0.06, Verdict.KNOWN_DIFF),
    ("heap", 0.04, Verdict.RESOURCE),
    ("hang", 0.01, Verdict.TIMEOUT),
    ("reset", 0.01, Verdict.CRASH),
)

FEATURES = """\
features:
  - {id: micropython.faults.link, title: specs for the fault campaign, area: micropython,
     cpython_doc: library/functions.html#print}
"""
BASELINE = """\
target: board
differences:
  - spec: documented/*
    reason: the campaign's documented difference
"""
ALPHABET = string.ascii_letters + string.digits + " .,:;-_+*/=()[]{}<>!?@#$%^&|~"


@dataclass
class CampaignReport:
    specs: int = 0
    verdicts: Counter = field(default_factory=Counter)  # verdict -> count
    correct: int = 0
    infra: int = 0
    wrong: list[str] = field(default_factory=list)  # "spec: expected X, got Y (reason)"
    stored: int = 0
    lost: list[str] = field(default_factory=list)
    attempts: int = 0
    retried: int = 0  # specs with more attempts than a clean link needs (1 for PASS, else 2)
    faults: Counter = field(default_factory=Counter)
    bytes: Counter = field(default_factory=Counter)
    connections: int = 0
    seconds: float = 0.0
    plan: FaultPlan = DEFAULT_PLAN

    @property
    def ok(self) -> bool:
        return not self.wrong and not self.lost and self.stored == self.specs

    def as_dict(self) -> dict:
        return {
            "specs": self.specs, "correct": self.correct, "infra": self.infra,
            "wrong": len(self.wrong), "wrong_items": self.wrong, "stored": self.stored,
            "lost": len(self.lost), "attempts": self.attempts, "retried": self.retried,
            "verdicts": dict(self.verdicts), "faults": dict(self.faults),
            "bytes": dict(self.bytes), "connections": self.connections,
            "seconds": round(self.seconds, 2),
            "plan": {"drop": self.plan.drop, "garble": self.plan.garble, "delay": self.plan.delay,
                     "delay_s": list(self.plan.delay_s), "outage": self.plan.outage,
                     "outage_s": list(self.plan.outage_s), "seed": self.plan.seed},
        }


def _payload(rng: random.Random) -> list[str]:
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(5, 60)))
            for _ in range(rng.randint(1, 4))]


def _spec(template: str, index: int, rng: random.Random) -> tuple[str, str | None, str]:
    """(source, .exp text or None, extra header) of one spec."""
    lines = _payload(rng)
    prints = "".join(f"print({index}, {line!r})\n" for line in lines)
    if template == "print":
        return prints, None, ""
    if template == "raise":
        return prints + f"raise ValueError({index})\n", None, ""
    if template in ("differs", "documented"):
        exp = "".join(f"{index} {line}\n" for line in lines) + "one more line\n"
        return prints, exp, ""
    if template == "heap":
        return "x = []\nwhile True:\n    x.append(bytearray(256))\n", "", ""
    if template == "hang":
        return f"print({index})\nwhile True:\n    pass\n", f"{index}\n", "# timeout: 1\n"
    if template == "reset":
        return f"print({index})\nimport microbit\nmicrobit.reset()\n", f"{index}\n", ""
    raise ValueError(template)


def write_project(root: Path, count: int, seed: int) -> dict[str, Verdict]:
    """Specs, features and baseline of a campaign under ``root``; spec id -> verdict."""
    rng = random.Random(seed)
    (root / "conformance" / "baselines").mkdir(parents=True, exist_ok=True)
    (root / "conformance" / "features.yaml").write_text(FEATURES, encoding="utf-8")
    (root / "conformance" / "baselines" / "board.yaml").write_text(BASELINE, encoding="utf-8")
    names = [t[0] for t in TEMPLATES]
    weights = [t[1] for t in TEMPLATES]
    verdict_of = {t[0]: t[2] for t in TEMPLATES}
    # Every template at least once, the rest drawn by share.
    chosen = names + rng.choices(names, weights, k=max(0, count - len(names)))
    rng.shuffle(chosen)
    intended: dict[str, Verdict] = {}
    for index, template in enumerate(chosen[:count]):
        source, exp, header = _spec(template, index, rng)
        path = root / "specs" / template / f"s{index:04d}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# feature: micropython.faults.link\n{header}{source}", encoding="utf-8")
        if exp is not None:
            path.with_suffix(".exp").write_text(exp, encoding="utf-8")
        intended[f"{template}/s{index:04d}"] = verdict_of[template]
    return intended


@contextlib.contextmanager
def faulty_board(root: Path, plan: FaultPlan | None = None, reopen_timeout: float = 3.0
                 ) -> Iterator[tuple[FaultProxy, Path]]:
    """QEMU's micro:bit behind a fault proxy, and a rig file (``rigs/faults.yaml`` under
    ``root``) whose ``board`` target reaches it at ``socket://``. Everything is stopped on
    exit. The emulator target owns QEMU and its serial stream; the proxy takes the stream
    over (the emulator's own raw REPL session stays idle)."""
    from harness.targets import create_target
    from harness.targets.base import TargetConfig

    emulator = create_target(TargetConfig("upstream", "qemu-microbit", {}))
    proxy: FaultProxy | None = None
    try:
        emulator.start()
        proxy = FaultProxy(emulator.repl.stream, plan or FaultPlan.clean()).start()  # type: ignore[attr-defined]
        rig = root / "rigs" / "faults.yaml"
        rig.parent.mkdir(parents=True, exist_ok=True)
        rig.write_text(
            "name: faults\nresults: results\ntargets:\n"
            f"  - {{name: board, kind: board, port: '{proxy.url}', reset: soft,"
            f" integrity: true, reopen_timeout: {reopen_timeout:g}}}\n", encoding="utf-8")
        yield proxy, rig
    finally:
        if proxy is not None:
            proxy.stop()
        emulator.stop()


def run_campaign(count: int = 500, plan: FaultPlan = DEFAULT_PLAN,
                 progress: Callable[[Result, int], None] | None = None,
                 workdir: Path | None = None) -> CampaignReport:
    """Run ``count`` specs through the proxy at ``plan``'s rates; the report of what came out."""
    from harness.rig import load_rig
    from harness.session import Session
    from harness.spec import discover
    from harness.store import Store

    root = Path(tempfile.mkdtemp(prefix="harness-faults-", dir=workdir))
    report = CampaignReport(plan=plan)
    started = time.monotonic()
    try:
        intended = write_project(root, count, plan.seed)
        with faulty_board(root, FaultPlan.clean()) as (proxy, rig_path):
            rig = load_rig(rig_path, root)
            session = Session(root, rig, ["board"])
            try:
                session.ensure_started("board")  # identity and probes over a clean link
                proxy.set_plan(plan)
                for number, spec in enumerate(discover(root / "specs"), start=1):
                    result = session.run_item(spec, "board")
                    _tally(report, spec.id, intended[spec.id], result)
                    report.specs = number
                    if progress is not None:
                        progress(result, number)
            finally:
                session.close()
                report.faults = Counter(proxy.stats.counts)
                report.bytes = Counter(proxy.stats.bytes)
                report.connections = proxy.stats.connections
        store = Store(rig.database)  # a fresh connection: what a report would read
        try:
            stored = {row["spec_id"] for row in store.results(session.run_id)}
        finally:
            store.close()
        report.stored = len(stored & set(intended))
        report.lost = sorted(set(intended) - stored)
    finally:
        report.seconds = time.monotonic() - started
        shutil.rmtree(root, ignore_errors=True)
    return report


def _tally(report: CampaignReport, spec_id: str, intended: Verdict, result: Result) -> None:
    report.verdicts[result.verdict.value] += 1
    report.attempts += result.outcome.attempts
    # On a clean link a PASS takes one attempt and any other verdict two (confirmation).
    if result.outcome.attempts > (1 if intended is Verdict.PASS else 2):
        report.retried += 1
    if result.verdict is intended:
        report.correct += 1
    elif result.verdict is Verdict.INFRA:
        report.infra += 1
    else:
        report.wrong.append(f"{spec_id}: expected {intended.value}, got {result.verdict.value} "
                            f"({result.reason[:200]})")
