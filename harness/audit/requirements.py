"""Each requirement of a profile against the evidence: met, not met, not evidenced, or a
documented deviation, with the specs, runs and results that show it (traceability)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from harness.audit.evidence import Group
from harness.audit.profile import Profile, Requirement

MET, NOT_MET, NOT_EVIDENCED, DEVIATION = "met", "not met", "not evidenced", "deviation"
LEFT_OUT = "left out"  # every target of the requirement was left out of this audit (--targets)


@dataclass
class Check:
    """One requirement on one target."""

    target: str
    status: str
    detail: str
    specs: list[str] = field(default_factory=list)
    result_ids: list[int] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)
    deviation: dict[str, str] | None = None

    def as_dict(self) -> dict[str, Any]:
        found = {"target": self.target, "status": self.status, "detail": self.detail, "specs": self.specs,
                 "result_ids": self.result_ids, "figures": self.figures}
        if self.deviation:
            found["deviation"] = self.deviation
        return found


def evaluate(profile: Profile, groups: list[Group], configurations: dict[str, dict[str, Any]],
             offline: dict[str, str], summaries: dict[tuple[str, str], dict[str, Any]],
             left_out: list[str] | None = None) -> list[dict[str, Any]]:
    """Every requirement's status and evidence. ``summaries`` maps (spec, target) to the
    group's computed evidence (metrics, reproducibility, memory). Targets ``left_out`` of the
    audit (``--targets``) are not judged: the report says so."""
    found = []
    for requirement in profile.requirements:
        named = list(requirement.targets) or [t.name for t in profile.targets]
        targets = [t for t in named if t not in (left_out or [])]
        checks = []
        for target in targets:
            scoped = [g for g in groups if g.target == target and requirement.covers(g.spec_id, g.feature)]
            if target in offline:
                check = Check(target, NOT_EVIDENCED, f"target not available: {offline[target]}")
            elif requirement.check == "code-size":
                check = _code_size(requirement, profile, target, configurations.get(target, {}))
            elif not scoped:
                check = Check(target, NOT_EVIDENCED, "no spec of this requirement ran on the target")
            else:
                check = CHECKS[requirement.check](requirement, profile, scoped, summaries)
                check.target = target
            if check.status != MET:
                deviation = profile.deviation(requirement.id, target)
                plan = profile.target(target)
                if deviation is not None:
                    check.deviation = {"justification": deviation.justification, "action": deviation.action}
                    check.status = DEVIATION
                elif plan.optional and target in offline:
                    check.deviation = {"justification": "optional target, not available on this rig",
                                       "action": ""}
                    check.status = DEVIATION
            checks.append(check)
        statuses = {c.status for c in checks} or {LEFT_OUT if targets != named else NOT_EVIDENCED}
        status = MET if statuses == {MET} else LEFT_OUT if statuses == {LEFT_OUT} else (
            DEVIATION if statuses <= {MET, DEVIATION} else
            (NOT_MET if NOT_MET in statuses else NOT_EVIDENCED))
        found.append({
            "id": requirement.id, "title": requirement.title, "check": requirement.check,
            "status": status,
            "scope": {"specs": list(requirement.specs), "features": list(requirement.features),
                                        "targets": targets},
            "budget": requirement.budget, "unit": requirement.unit, "resource": requirement.resource,
            "metric": requirement.metric, "statistic": requirement.statistic,
            "checks": [c.as_dict() for c in checks],
        })
    return found


def _ids(groups: list[Group]) -> list[int]:
    return [row["id"] for g in groups for row in g.rows]


def _pass(req: Requirement, profile: Profile, groups: list[Group], summaries: dict) -> Check:
    bad = []
    for group in groups:
        verdicts = [row["verdict"] for row in group.rows]
        wrong = sorted({v for v in verdicts if v not in req.accept})
        if wrong:
            bad.append(f"{group.spec_id}: " + ", ".join(f"{verdicts.count(v)}x {v}" for v in wrong))
    runs = sum(len(g.rows) for g in groups)
    specs = [g.spec_id for g in groups]
    if bad:
        return Check("", NOT_MET, "; ".join(bad), specs, _ids(groups))
    return Check("", MET, f"{len(groups)} specs, {runs} runs, every verdict in {', '.join(req.accept)}",
                 specs, _ids(groups))


def _reproducible(req: Requirement, profile: Profile, groups: list[Group], summaries: dict) -> Check:
    """Identical output in every run, and each metric the requirement lists identical too (or,
    for a spread, within the target's jitter tolerance)."""
    bad, figures = [], {}
    for group in groups:
        summary = summaries[(group.spec_id, group.target)]
        repro = summary["reproducibility"]
        tolerance = profile.tolerance(group.target)
        figure: dict[str, Any] = {"status": repro["status"], "distinct_outputs": repro["distinct_outputs"]}
        figures[group.spec_id] = figure
        if repro["status"] == "not-run":
            continue
        if not repro["outputs_identical"]:
            bad.append(f"{group.spec_id}: {repro['explanation']}")
        for name in req.metrics:
            if name == "emu.instructions":  # judged warm: the first run after a start is explained
                counts = repro.get("instructions")
                if counts:
                    figure[name] = {k: counts[k] for k in ("distinct", "min", "max", "warm_min", "warm_max",
                                                           "relative_spread", "first_runs_differ")}
                    if counts["relative_spread"] > tolerance:
                        bad.append(f"{group.spec_id}: {repro['explanation']}")
                continue
            metric = summary["metrics"].get(name)
            if metric is None or not metric["stats"].get("n"):
                continue  # not measured for this spec (e.g. a spec that prints no such timing)
            described = metric["stats"]
            figure[name] = {k: described[k] for k in ("distinct", "min", "max", "relative_spread")}
            if described["distinct"] > 1 and described["relative_spread"] > tolerance:
                why = (f"{name} takes {described['distinct']} values "
                       f"({described['min']:g}..{described['max']:g}, "
                       f"spread {described['relative_spread']:.3%}, tolerance {tolerance:.3%})")
                bad.append(f"{group.spec_id}: {why}")
    specs = [g.spec_id for g in groups]
    if bad:
        return Check("", NOT_MET, "; ".join(bad), specs, _ids(groups), figures)
    runs = sum(len(g.rows) for g in groups)
    listed = f"; {', '.join(req.metrics)} identical (tolerance {profile.tolerance(groups[0].target):.3%})" \
        if req.metrics else ""
    return Check("", MET, f"{len(groups)} specs, {runs} runs: identical output in every run{listed}",
                 specs, _ids(groups), figures)


def _no_heap_alloc(req: Requirement, profile: Profile, groups: list[Group], summaries: dict) -> Check:
    locking = [g for g in groups if summaries[(g.spec_id, g.target)]["memory"]["heap_lock"]["uses_heap_lock"]]
    if not locking:
        return Check("", NOT_EVIDENCED, "no spec in scope locks the heap", [g.spec_id for g in groups])
    bad, figures = [], {}
    for group in locking:
        lock = summaries[(group.spec_id, group.target)]["memory"]["heap_lock"]
        figures[group.spec_id] = lock
        if lock["allocated_under_lock_results"] or lock["completed_runs"] != lock["runs"]:
            bad.append(f"{group.spec_id}: {lock['finding']}")
    specs = [g.spec_id for g in locking]
    if bad:
        return Check("", NOT_MET, "; ".join(bad), specs, _ids(locking), figures)
    return Check("", MET, "; ".join(f"{g.spec_id}: {figures[g.spec_id]['finding']}" for g in locking),
                 specs, _ids(locking), figures)


def _statistic(metric: dict[str, Any], name: str) -> tuple[float | None, str]:
    described = metric["stats"]
    if name == "pwcet":
        estimate = metric.get("pwcet") or {}
        if not estimate.get("estimated") or estimate.get("value") is None:
            return None, f"no pWCET estimate: {estimate.get('reason', 'not a timing metric')}"
        return float(estimate["value"]), "pWCET estimate"
    if described.get("n", 0) == 0:
        return None, "no samples"
    return float(described[name]), {"max": "observed worst case", "p99": "observed p99",
                                    "mean": "observed mean"}[name]


def _budget(req: Requirement, profile: Profile, groups: list[Group], summaries: dict) -> Check:
    assert req.metric and req.budget and req.resource
    required = profile.margin(req.resource)
    eng = profile.engineering_margin
    limit = req.budget * (1.0 - required)
    bad, notes, figures, used = [], [], {}, []
    for group in groups:
        metric = summaries[(group.spec_id, group.target)]["metrics"].get(req.metric)
        if metric is None:
            continue
        used.append(group)
        value, label = _statistic(metric, req.statistic)
        if value is None:
            bad.append(f"{group.spec_id}: {label}")
            continue
        padded = value * (1.0 + eng)
        figure = {"statistic": label, "value": value, "unit": metric["unit"] or req.unit,
                  "with_engineering_margin": padded, "budget": req.budget, "required_margin": required,
                  "limit": limit, "margin": 1.0 - value / req.budget,
                  "margin_with_engineering": 1.0 - padded / req.budget, "met": padded <= limit,
                  "n": metric["stats"].get("n", 0)}
        figures[group.spec_id] = figure
        text = (f"{group.spec_id}: {label} {value:g} {figure['unit']} + {eng:.0%} = {padded:g}, "
                f"margin {figure['margin_with_engineering']:.1%} against the {required:.0%} required "
                f"({profile.phase.upper()}, {req.resource}) of {req.budget:g}")
        (notes if figure["met"] else bad).append(text)
    if not used:
        return Check("", NOT_EVIDENCED, f"metric {req.metric!r} was not measured on this target",
                     [g.spec_id for g in groups])
    specs = [g.spec_id for g in used]
    if bad:
        return Check("", NOT_MET, "; ".join(bad), specs, _ids(used), figures)
    return Check("", MET, "; ".join(notes), specs, _ids(used), figures)


def _code_size(req: Requirement, profile: Profile, target: str, configuration: dict[str, Any]) -> Check:
    size = configuration.get("code_size") or {}
    if "flash_bytes" not in size:
        return Check(target, NOT_EVIDENCED, "the target's firmware does not report a code size")
    assert req.budget
    required = profile.margin(req.resource or "prom")
    value = size["flash_bytes"]
    margin = 1.0 - value / req.budget
    figure = {"value": value, "unit": "bytes", "budget": req.budget, "required_margin": required,
              "margin": margin, "met": margin >= required, "source": size.get("source", "")}
    text = (f"firmware image {value} bytes of flash ({size.get('source', '')}): margin {margin:.1%} "
            "against the "
            f"{required:.0%} required ({profile.phase.upper()}, prom) of {req.budget:g}")
    return Check(target, MET if figure["met"] else NOT_MET, text, figures={"firmware": figure})


CHECKS = {"pass": _pass, "reproducible": _reproducible, "no-heap-alloc": _no_heap_alloc, "budget": _budget}
