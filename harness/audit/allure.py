"""Allure results of an audit, with the same numbers as its report.

Written with allure-python-commons' file logger into the rig's ``allure-results`` (next to
``harness run``'s, so ``harness allure`` shows both): one test per (spec, target) with its
figures as parameters and its evidence attached, and one per requirement. An audit replaces
the Allure results of the previous audit of the same profile.
"""

from __future__ import annotations

import json
import uuid
from hashlib import md5
from pathlib import Path
from typing import Any

from allure_commons.logger import AllureFileLogger
from allure_commons.model2 import Attachment, Label, Parameter, Status, StatusDetails, TestResult

from harness.records import SKIPPING, Verdict

AUDIT_LABEL = "audit"
REQUIREMENT_STATUS = {"met": Status.PASSED, "deviation": Status.PASSED, "not met": Status.FAILED,
                      "not evidenced": Status.BROKEN, "left out": Status.SKIPPED}
GOOD = {Verdict.PASS.value, Verdict.KNOWN_DIFF.value}


def _millis(stamp: str | None) -> int | None:
    from datetime import datetime

    return int(datetime.fromisoformat(stamp).timestamp() * 1000) if stamp else None


def _fmt(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def forget_previous(folder: Path, profile: str) -> int:
    """Remove the Allure results (and their attachments) of earlier audits of ``profile``."""
    removed = 0
    for path in folder.glob("*-result.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if any(label.get("name") == AUDIT_LABEL and label.get("value") == profile
               for label in data.get("labels", [])):
            for attachment in data.get("attachments", []):
                (folder / attachment.get("source", "")).unlink(missing_ok=True)
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _spec_status(spec: dict[str, Any]) -> tuple[Status, str]:
    verdicts = spec["verdicts"]
    repro = spec["reproducibility"]
    bad = {v: n for v, n in verdicts.items() if v not in GOOD}
    if bad and all(v in {s.value for s in SKIPPING} for v in bad):
        return Status.SKIPPED, ", ".join(f"{n}x {v}" for v, n in bad.items())
    if bad:
        return Status.FAILED, ", ".join(f"{n}x {v}" for v, n in bad.items())
    if repro["status"] == "non-deterministic":
        return Status.FAILED, f"non-deterministic: {repro['explanation']}"
    return Status.PASSED, f"{repro['status']}: {repro['explanation']}"


def write_allure(document: dict[str, Any], folder: Path) -> int:
    """Write the audit's Allure results; returns how many tests."""
    folder.mkdir(parents=True, exist_ok=True)
    profile = document["audit"]["profile"]
    forget_previous(folder, profile)
    logger = AllureFileLogger(folder)
    start, stop = _millis(document["audit"]["started"]), _millis(document["audit"]["finished"])
    common = [Label("parentSuite", f"audit {profile}"), Label(AUDIT_LABEL, profile), Label("tag", "audit"),
              Label("tag", document["audit"]["phase"])]
    count = 0
    for spec in document["specs"]:
        status, message = _spec_status(spec)
        parameters = [Parameter("runs", str(len(spec["runs"]))),
                      Parameter("determinism", spec["reproducibility"]["status"])]
        for name, metric in spec["metrics"].items():
            described = metric["stats"]
            if described.get("n"):
                figures = (f"min {_fmt(described['min'])} mean {_fmt(described['mean'])} "
                           f"max {_fmt(described['max'])} {metric['unit']} (N={described['n']})")
                parameters.append(Parameter(name, figures))
        body = json.dumps(spec, indent=1, default=str)
        source = f"{uuid.uuid4()}-attachment.json"
        logger.report_attached_data(body, source)
        name = f"{spec['spec_id']} [{spec['target']}]"
        logger.report_result(TestResult(
            uuid=str(uuid.uuid4()), historyId=md5(f"audit:{profile}:{name}".encode()).hexdigest(),
            name=f"audit {profile}: {name}", fullName=f"audit.{profile}.{spec['target']}.{spec['spec_id']}",
            status=status, statusDetails=StatusDetails(message=message), start=start, stop=stop,
            description=f"{spec['method']}\n\n{spec['reproducibility']['explanation']}",
            labels=[*common, Label("suite", spec["target"]), Label("feature", spec["feature"]),
                    Label("target", spec["target"])],
            parameters=parameters,
            attachments=[Attachment(name="audit evidence", source=source, type="application/json")]))
        count += 1
    for requirement in document["requirements"]:
        details = "\n".join(f"{c['target']}: {c['status']}: {c['detail']}" for c in requirement["checks"])
        logger.report_result(TestResult(
            uuid=str(uuid.uuid4()),
            historyId=md5(f"audit:{profile}:req:{requirement['id']}".encode()).hexdigest(),
            name=f"audit {profile}: requirement {requirement['id']} {requirement['title']}".strip(),
            fullName=f"audit.{profile}.requirements.{requirement['id']}",
            status=REQUIREMENT_STATUS[requirement["status"]],
            statusDetails=StatusDetails(message=f"{requirement['status']}: {details}"),
            start=start, stop=stop,
            description=details, labels=[*common, Label("suite", "requirements")],
            parameters=[Parameter("check", requirement["check"]),
                        Parameter("status", requirement["status"])]))
        count += 1
    return count
