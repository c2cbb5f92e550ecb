"""Plain immutable records that cross the layers (see DESIGN.md, "The flow")."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class Verdict(enum.StrEnum):
    """The one vocabulary used by every output."""

    PASS = "PASS"
    FAIL = "FAIL"
    KNOWN_DIFF = "KNOWN-DIFF"
    STALE_DIFF = "STALE-DIFF"
    UNSUPPORTED = "UNSUPPORTED"
    RESOURCE = "RESOURCE"
    TIMEOUT = "TIMEOUT"
    CRASH = "CRASH"
    INFRA = "INFRA"
    FLAKY = "FLAKY"
    NOT_RUN = "NOT-RUN"


# Order used by every table: good news first, then the target's limits, then trouble.
VERDICT_ORDER: tuple[Verdict, ...] = tuple(Verdict)

# Verdicts that make a run (and its pytest item) fail.
FAILING: frozenset[Verdict] = frozenset(
    {Verdict.FAIL, Verdict.STALE_DIFF, Verdict.TIMEOUT, Verdict.CRASH, Verdict.INFRA}
)
# Verdicts that say the target could not take the spec: reported, not failed.
SKIPPING: frozenset[Verdict] = frozenset({Verdict.UNSUPPORTED, Verdict.NOT_RUN, Verdict.RESOURCE})


@dataclass(frozen=True)
class Spec:
    """One conformance program and its metadata."""

    id: str  # path under its suite root, posix, without ".py"
    path: Path
    suite: str  # name of the suite root ("specs", or a foreign suite's folder name)
    feature: str
    tags: tuple[str, ...] = ()
    timeout: float = 10.0
    requires: tuple[str, ...] = ()  # modules the spec needs; a target without one: UNSUPPORTED
    targets: tuple[str, ...] = ()  # if set, only these target kinds run it
    expected_path: Path | None = None  # sidecar <name>.exp
    hardware_path: Path | None = None  # sidecar <name>.yaml
    content_hash: str = ""  # sha256 of the spec and its sidecars
    foreign: bool = False  # from a foreign suite (MicroPython-style tests, header optional)

    @property
    def source(self) -> bytes:
        return self.path.read_bytes()


@dataclass(frozen=True)
class Expected:
    """What the reference says a spec prints, and how it ends."""

    stdout: str
    exit_code: int = 0
    exception: str | None = None  # type name of an uncaught exception, if any
    source: str = "cpython"  # "cpython-3.11.7" or "exp" (sidecar)
    timed_out: bool = False  # CPython itself did not finish within the spec's timeout


@dataclass(frozen=True)
class Outcome:
    """What a target observed running one spec."""

    stdout: str = ""
    stderr: str = ""
    exit_code: int | None = 0
    exception: str | None = None  # uncaught exception type name, parsed from the traceback
    duration_s: float = 0.0
    timed_out: bool = False
    crashed: bool = False  # the target died or reset under the spec
    link_failed: bool = False  # the harness or its link failed, not the target
    unsupported: str | None = None  # evidence that the target lacks what the spec needs
    output_capped: bool = False  # printed more than the harness keeps (harness.sandbox): RESOURCE
    skipped_reason: str | None = None  # NOT-RUN: why the spec never ran
    detail: str = ""  # free text for humans: recovery steps taken, etc.
    measurements: dict[str, Any] = field(default_factory=dict)
    attempts: int = 1


@dataclass(frozen=True)
class Identity:
    """What a target says it runs."""

    target: str
    kind: str
    implementation: str = ""  # e.g. "micropython 1.28.0"
    version: str = ""
    machine: str = ""  # board / platform
    firmware: str = ""  # image name or hash where known
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "kind": self.kind,
            "implementation": self.implementation,
            "version": self.version,
            "machine": self.machine,
            "firmware": self.firmware,
            **({"extra": self.extra} if self.extra else {}),
        }


@dataclass(frozen=True)
class BaselineEntry:
    """A documented difference of one target."""

    target: str
    reason: str
    spec: str | None = None  # spec id pattern (fnmatch)
    feature: str | None = None  # feature id pattern (fnmatch)
    verdict: str | None = None  # documented verdict other than an output difference (RESOURCE,...)
    actual: str | None = None  # documented output, when pinned exactly
    where: str = ""  # file:line of the entry, for messages
    mode: str | None = None  # the one run mode it documents (e.g. mpy); None: every mode


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    reason: str
    baseline: BaselineEntry | None = None


MODE_ORDER: tuple[str, ...] = ("bytecode", "native", "viper", "mpy")


def item_label(target: str, mode: str) -> str:
    """How reports name a (target, mode) column: ``unix``, ``unix-mpy``, ``unix-viper``."""
    return target if mode == "bytecode" else f"{target}-{mode}"


@dataclass(frozen=True)
class Result:
    """One judged (spec, target, mode) item."""

    run_id: str
    spec_id: str
    feature: str
    target: str
    mode: str
    verdict: Verdict
    reason: str
    outcome: Outcome
    expected: Expected | None
    baseline_reason: str | None
    identity: dict[str, Any]
    started: float
    finished: float
    tags: tuple[str, ...] = ()
    content_hash: str = ""
    # Lab operations (harness.flaky, harness.quarantine): every attempt (verdict, reason,
    # duration_s, output_sha256), the verdict this run judged before history made it FLAKY,
    # the baseline entry in force, history's flakiness evidence, and the quarantine entry.
    attempt_log: tuple[dict[str, Any], ...] = ()
    observed: str | None = None
    baseline_key: str | None = None
    flaky: dict[str, Any] | None = None
    quarantine: dict[str, Any] | None = None


@dataclass(frozen=True)
class RunRecord:
    id: str
    rig: str
    harness_version: str
    targets: dict[str, dict[str, Any]]
    started: float
    finished: float | None = None
