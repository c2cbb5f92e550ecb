"""Allure results from the store: allure-pytest writes the files, this fills them from stored rows.

Each item gets its labels (feature, target as parent suite, tags from its markers, severity,
verdict) and attachments (expected, actual, diff, stderr, measurements, waveform plots), and its
Allure status and message are set from the verdict, so the message always starts with the verdict
name and ``categories.json`` can sort results by it. ``environment.properties`` and
``categories.json`` are written once per run, next to the results.
"""

from __future__ import annotations

import json
import platform
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from harness.records import Verdict, item_label

# Allure's "failed" is a product defect, "broken" a test defect: a stale baseline or a
# harness/link failure is ours to fix, not the target's.
ALLURE_STATUS: dict[str, str] = {
    Verdict.PASS: "passed", Verdict.KNOWN_DIFF: "passed", Verdict.FLAKY: "passed",
    Verdict.FAIL: "failed", Verdict.TIMEOUT: "failed", Verdict.CRASH: "failed",
    Verdict.STALE_DIFF: "broken", Verdict.INFRA: "broken",
    Verdict.UNSUPPORTED: "skipped", Verdict.RESOURCE: "skipped", Verdict.NOT_RUN: "skipped",
}
# A spec's severity follows its tags; the first tag found in this table wins.
SEVERITY_BY_TAG: dict[str, str] = {"core": "critical", "hardware": "critical", "timing": "critical"}
DEFAULT_SEVERITY = "normal"
ATTACHMENT_LIMIT = 200_000  # characters kept per text attachment


def active(config: Any) -> bool:
    """True when allure-pytest writes results in this pytest session (``--alluredir``)."""
    return bool(getattr(config.option, "allure_report_dir", None))


def severity(tags: list[str] | tuple[str, ...]) -> str:
    for tag in tags:
        if tag in SEVERITY_BY_TAG:
            return SEVERITY_BY_TAG[tag]
    return DEFAULT_SEVERITY


def status_message(row: dict[str, Any]) -> str:
    return f"{row['verdict']}: {row['reason']}"


def plot_paths(measurements: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """(name, path) of every PNG named in the measurements under a key mentioning "plot"."""
    if isinstance(measurements, dict):
        for name, value in measurements.items():
            yield from plot_paths(value, f"{key}.{name}" if key else str(name))
    elif isinstance(measurements, list | tuple):
        for index, value in enumerate(measurements):
            yield from plot_paths(value, f"{key}[{index}]")
    elif isinstance(measurements, str) and "plot" in key.lower() and measurements.lower().endswith(".png"):
        yield key, measurements


def _resolve(path: str, folders: list[Path]) -> Path | None:
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate if candidate.is_file() else None
    for folder in folders:
        if (folder / candidate).is_file():
            return folder / candidate
    return None


def _clip(text: str) -> str:
    return text if len(text) <= ATTACHMENT_LIMIT else text[:ATTACHMENT_LIMIT] + "\n[... cut ...]\n"


def decorate(row: dict[str, Any], folders: list[Path]) -> None:
    """Labels and attachments of the running item, from its stored row.

    ``folders`` are where relative plot paths are looked up (results folder, project root).
    """
    import allure
    from allure_commons.types import AttachmentType

    from harness.verdict import unified_diff

    allure.dynamic.title(f"{row['spec_id']} [{row['target']}]" +
                         (f" ({row['mode']})" if row["mode"] != "bytecode" else ""))
    allure.dynamic.parent_suite(item_label(row["target"], row["mode"]))  # unix and unix-mpy apart
    allure.dynamic.suite(row["feature"])
    allure.dynamic.epic(row["feature"].split(".")[0])
    allure.dynamic.feature(row["feature"])
    allure.dynamic.severity(allure.severity_level(severity(row["tags"])))
    allure.dynamic.label("verdict", row["verdict"])
    allure.dynamic.label("target", row["target"])
    # The target is a parameter so each (spec, target, mode) has its own Allure history id.
    allure.dynamic.parameter("target", row["target"])
    allure.dynamic.parameter("mode", row["mode"])
    text = [status_message(row)]
    if row["baseline_reason"]:
        text.append(f"baseline: {row['baseline_reason']}")
    identity = row["identity"] or {}
    if identity.get("implementation"):
        text.append(f"target: {identity['implementation']} {identity.get('machine', '')}".rstrip())
    allure.dynamic.description("\n\n".join(text))

    expected = (row["expected"] or {}).get("stdout")
    if expected is not None:
        allure.attach(_clip(expected), "expected", AttachmentType.TEXT)
    if expected is not None or row["stdout"]:
        allure.attach(_clip(row["stdout"]), "actual", AttachmentType.TEXT)
    if expected is not None and expected != row["stdout"]:
        allure.attach(_clip(unified_diff(expected, row["stdout"])), "diff", AttachmentType.TEXT)
    if row["stderr"]:
        allure.attach(_clip(row["stderr"]), "stderr", AttachmentType.TEXT)
    if row["measurements"]:
        allure.attach(json.dumps(row["measurements"], indent=1, default=str), "measurements",
                      AttachmentType.JSON)
    for name, path in plot_paths(row["measurements"]):
        found = _resolve(path, folders)
        if found is not None:
            allure.attach.file(str(found), name, AttachmentType.PNG)


def set_status(config: Any, row: dict[str, Any]) -> None:
    """Make the item's Allure status and message say its verdict.

    allure-pytest derives both from the pytest outcome, which cannot tell PASS from KNOWN-DIFF
    or FAIL from INFRA; call this after its ``pytest_runtest_makereport`` of the call phase.
    """
    from allure_commons.model2 import StatusDetails

    listener = config.pluginmanager.get_plugin("allure_listener")
    test = listener.allure_logger.get_test(None) if listener is not None else None
    if test is None:
        return
    trace = test.statusDetails.trace if test.statusDetails else None
    test.status = ALLURE_STATUS[row["verdict"]]
    test.statusDetails = StatusDetails(message=status_message(row), trace=trace,
                                       flaky=True if row["verdict"] == Verdict.FLAKY else None)


def categories() -> list[dict[str, Any]]:
    """One Allure category per verdict, matched on the message's leading verdict name."""
    return [
        {
            "name": verdict.value,
            "matchedStatuses": [ALLURE_STATUS[verdict]],
            "messageRegex": verdict.value + r": [\s\S]*",  # verdict names need no escaping
        }
        for verdict in Verdict
    ]


def environment(run: dict[str, Any]) -> dict[str, str]:
    env = {
        "rig": run["rig"],
        "run.id": run["id"],
        "harness.version": run["harness_version"],
        "python": platform.python_version(),
        "host": platform.node(),
    }
    for name, identity in sorted(run["targets"].items()):
        parts: list[str] = []
        for part in (identity.get(k, "") for k in ("implementation", "version", "machine", "firmware")):
            if part and not any(part in seen for seen in parts):
                parts.append(part)
        env[f"target.{name}"] = " ".join(parts) or identity.get("kind", "")
    return env


def _escape_property(text: str) -> str:
    return (str(text).replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\=")
            .replace(":", "\\:"))


def write_extras(alluredir: Path, run: dict[str, Any]) -> None:
    """``environment.properties`` and ``categories.json`` of one run's Allure results."""
    alluredir.mkdir(parents=True, exist_ok=True)
    lines = [f"{_escape_property(k)}={_escape_property(v)}" for k, v in environment(run).items()]
    (alluredir / "environment.properties").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (alluredir / "categories.json").write_text(json.dumps(categories(), indent=1) + "\n",
                                               encoding="utf-8")
