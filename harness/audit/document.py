"""The audit report as data: one JSON document, built from the store alone.

Validated against ``harness/schemas/audit.schema.json``; the HTML page, the PDF and the
Allure results are all rendered from it, so they carry the same numbers.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from harness import __version__
from harness.audit import evidence as ev
from harness.audit.probe import split_mode
from harness.audit.profile import PHASES, RESOURCES, Profile
from harness.audit.requirements import DEVIATION, MET, evaluate
from harness.errors import HarnessError
from harness.schema import load_schema
from harness.store import Store

SCHEMA = "micropython-harness/audit"
VERSION = 1
WORDING = ("Every figure is observed on the stated target under the stated conditions. Measurement "
           "is not a bound: observed worst cases carry an engineering margin, and pWCET values are "
           "estimates from a statistical fit, never guarantees.")
EMULATION_NOTES = {
    "qemu": ("QEMU's TCG models instructions, not the chip's timing: every instruction takes the same "
             "time (-icount: 2**shift ns), with no flash wait states, caches, pipeline or bus contention; "
             "peripherals answer at once. Virtual time is instruction-driven, so it repeats, but a real "
             "nRF51 or Cortex-M3 takes a different time for the same program. Timings here are evidence "
             "of determinism and relative cost, not of the hardware's speed."),
    "unix": ("The MicroPython PC port on the host: the OS scheduler, caches and frequency scaling make "
             "timings vary; figures describe the host, not a microcontroller."),
    "board": "A real board: timings are the hardware's own.",
}
CONCURRENCY_FEATURE = "determinism.concurrency"


def _iso(stamp: float | None) -> str | None:
    return datetime.fromtimestamp(stamp, UTC).isoformat(timespec="seconds") if stamp else None


def build_document(store: Store, run_id: str, profile: Profile) -> dict[str, Any]:
    run = store.run(run_id)
    if run is None:
        raise HarnessError(f"no stored run {run_id!r}", where=store.path)
    info = run["info"].get("audit")
    if not info:
        raise HarnessError(f"run {run_id!r} is not an audit run", where=store.path)
    rows = store.results(run_id)
    groups = ev.build_groups(rows)
    summaries: dict[tuple[str, str], dict[str, Any]] = {}
    spec_entries = []
    for group in groups:
        summary = _group_summary(group, profile)
        summaries[(group.spec_id, group.target)] = summary
        spec_entries.append(summary)
    configurations = info.get("targets", {})
    offline = dict(info.get("offline", {}))
    left_out = list(info.get("targets_left_out", []))
    requirements = evaluate(profile, groups, configurations, offline, summaries, left_out)
    interrupted = bool(info.get("interrupted"))
    runs_completed = int(info.get("runs_completed", 0))
    shortfalls = []
    for req in requirements:
        for check in req["checks"]:
            if check["status"] not in (MET, DEVIATION):
                shortfalls.append(f"{req['id']} on {check['target']}: {check['status']}: {check['detail']}")
    if interrupted or runs_completed < int(info.get("runs", 0)):
        status = "incomplete"
        done = info.get("completed") or {}
        per_target = ", ".join(f"{name} {n} of {info.get('runs')} runs" for name, n in done.items())
        shortfalls.insert(0, f"interrupted: {per_target}" if per_target else
                          f"interrupted after {runs_completed} of {info.get('runs')} runs")
    else:
        status = "pass" if not shortfalls else "fail"
    document: dict[str, Any] = {
        "schema": SCHEMA,
        "version": VERSION,
        "title": profile.title or f"Determinism and timing audit: {profile.name}",
        "wording": WORDING,
        "audit": {
            "run_id": run_id,
            "profile": profile.name,
            "profile_path": str(info.get("profile", profile.path)),
            "profile_sha256": info.get("profile_sha256", profile.sha256),
            "profile_changed": info.get("profile_sha256", profile.sha256) != profile.sha256,
            "description": profile.description,
            "phase": profile.phase,
            "basis": profile.basis,
            "runs_requested": int(info.get("runs", profile.runs)),
            "runs_completed": runs_completed,
            "interrupted": interrupted,
            "started": _iso(run["started"]),
            "finished": _iso(run["finished"] or info.get("finished")),
            "report_date": _iso(time.time()),
            "harness_version": run["harness_version"],
            "report_harness_version": __version__,
            "rig": run["rig"],
            "argv": run.get("argv", []),
            "specs": info.get("specs", []),
            "targets_left_out": left_out,
        },
        "configuration": {
            "targets": [_configuration(configurations[name], offline.get(name))
                        for name in configurations] +
                       [{"name": name, "offline": reason} for name, reason in offline.items()
                        if name not in configurations],
            "instruments": _instruments(info.get("instruments", []), rows),
            "environment": info.get("environment", {}),
        },
        "margins": {
            "phase": profile.phase,
            "engineering_margin": profile.engineering_margin,
            "jitter_tolerance": profile.jitter_tolerance,
            "exceedance": profile.exceedance,
            "required": {resource: profile.margin(resource) for resource in RESOURCES},
            "table": {resource: {phase: profile.margins[resource][phase] for phase in PHASES}
                      for resource in RESOURCES},
        },
        "specs": spec_entries,
        "requirements": requirements,
        "deviations": [{"requirement": d.requirement, "target": d.target, "justification": d.justification,
                        "action": d.action} for d in profile.deviations],
        "signoff": {"reviewer": "", "date": "", "decision": "", **profile.signoff},
        "result": {"status": status, "shortfalls": shortfalls, "partial": bool(left_out),
                   "requirements": dict(Counter(r["status"] for r in requirements))},
    }
    return document


def _instruments(configured: list[dict[str, Any]], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rig's instruments in the audit, with the identity each answered with (if used)."""
    seen: dict[str, Any] = {}
    for row in rows:
        found = row["measurements"]
        if isinstance(found.get("scope"), str) and isinstance(found.get("identity"), dict):
            seen.setdefault(found["scope"], found["identity"])
    return [{**entry, **({"identity": seen[entry["name"]]} if entry.get("name") in seen else {})}
            for entry in configured]


def _configuration(config: dict[str, Any], offline: str | None) -> dict[str, Any]:
    found = dict(config)
    kind = config.get("kind", "")
    found["emulation_note"] = EMULATION_NOTES.get("qemu" if kind.startswith("qemu") else kind, "")
    if offline:
        found["offline"] = offline
    return found


def _group_summary(group: ev.Group, profile: Profile) -> dict[str, Any]:
    runs = []
    for row, digest in zip(group.rows, (ev.output_hash(r) for r in group.rows), strict=True):
        audit = row["measurements"].get("audit", {})
        entry: dict[str, Any] = {
            "repeat": split_mode(row["mode"])[1], "result_id": row["id"], "verdict": row["verdict"],
            "reason": row["reason"], "output_sha256": digest, "host_ms": row["duration_s"] * 1000.0,
            "attempts": row["attempts"],
        }
        for key in ("instructions", "virtual_ns"):
            if key in audit:
                entry[key] = audit[key]
        if audit.get("memory"):
            entry["memory"] = audit["memory"]
        for key in ("allocated_under_lock", "heap_locked_after"):
            if audit.get(key):
                entry[key] = True
        runs.append(entry)
    verdicts = Counter(row["verdict"] for row in group.rows)
    audit0 = group.audit[0] if group.audit else {}
    metrics = {name: metric.summary(profile.exceedance) for name, metric in sorted(group.metrics.items())}
    found: dict[str, Any] = {
        "spec_id": group.spec_id,
        "feature": group.feature,
        "target": group.target,
        "method": audit0.get("method", ""),
        "instruments_method": audit0.get("method_instructions", ""),
        "verdicts": dict(verdicts),
        "run_id": group.rows[0]["run_id"] if group.rows else "",
        "runs": runs,
        "metrics": metrics,
        "reproducibility": ev.reproducibility(group, profile.tolerance(group.target)),
        "memory": ev.memory(group),
        "concurrency": group.feature.startswith(CONCURRENCY_FEATURE),
    }
    gc = ev.gc_evidence(group)
    if gc:
        found["gc"] = gc
    waves = [w for row in group.rows for w in ev.waveforms({k: v for k, v in row["measurements"].items()
                                                             if k != "audit"})]
    if waves:
        found["waveforms"] = waves[:3]
    plots = [str(row["measurements"]["plot"]) for row in group.rows
             if str(row["measurements"].get("plot", "")).lower().endswith(".png")]
    if plots:
        found["scope_plots"] = plots
    return found


def validate_document(document: dict[str, Any]) -> None:
    """Raise HarnessError when the document does not follow its schema (a harness bug)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(load_schema("audit"))
    errors = sorted(validator.iter_errors(document), key=lambda e: len(e.absolute_path))
    if errors:
        where = ".".join(str(p) for p in errors[0].absolute_path) or "(top level)"
        raise HarnessError(f"audit document does not follow its schema at {where}: {errors[0].message}")


def document_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
