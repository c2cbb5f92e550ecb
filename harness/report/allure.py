"""Allure results of a run, from its stored rows.

Each item gets its labels (feature, target as parent suite, tags from its markers, severity,
verdict) and attachments (expected, actual, diff, stderr, measurements, waveform plots), and its
Allure status and message follow the verdict, so the message always starts with the verdict
name and ``categories.json`` can sort results by it. ``environment.properties`` and
``categories.json`` are written once per run, next to the results.

``harness run`` has the result files written by a process of its own (``ResultWriter`` in
``harness.report.allure_writer``), from the stored rows, as items finish: allure-pytest's own
per-test listener cost about 1.4 ms of the run's CPU per item (hooks, fixtures bookkeeping, a
file logger), a third of a cached ``harness bench suite`` run. A plain ``pytest specs/
--alluredir DIR`` still goes through allure-pytest, and ``decorate``/``set_status`` fill its
results from the same description of the row (``describe``).
"""

from __future__ import annotations

import json
import platform
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.records import FAILING, Verdict, item_label

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


@dataclass(frozen=True)
class AllureItem:
    """What Allure shows of one stored result, whichever way its files are written."""

    title: str
    labels: tuple[tuple[str, str], ...]  # (name, value): feature, suites, severity, verdict...
    parameters: tuple[tuple[str, str], ...]
    description: str
    attachments: tuple[tuple[str, str | Path, str], ...]  # (name, text or PNG file, kind)


def describe(row: dict[str, Any], folders: list[Path]) -> AllureItem:
    """The Allure view of a stored row; ``folders`` are where relative plot paths are looked up
    (results folder, project root). Attachment kinds: "text", "json", "png"."""
    from harness.verdict import unified_diff

    title = f"{row['spec_id']} [{row['target']}]" + (f" ({row['mode']})" if row["mode"] != "bytecode" else "")
    labels = (
        ("parentSuite", item_label(row["target"], row["mode"])),  # unix and unix-mpy apart
        ("suite", row["feature"]),
        ("epic", row["feature"].split(".")[0]),
        ("feature", row["feature"]),
        ("severity", severity(row["tags"])),
        ("verdict", row["verdict"]),
        ("target", row["target"]),
    )
    # The target is a parameter so each (spec, target, mode) has its own Allure history id.
    parameters = (("target", row["target"]), ("mode", row["mode"]))
    text = [status_message(row)]
    if row["baseline_reason"]:
        text.append(f"baseline: {row['baseline_reason']}")
    identity = row["identity"] or {}
    if identity.get("implementation"):
        text.append(f"target: {identity['implementation']} {identity.get('machine', '')}".rstrip())

    attachments: list[tuple[str, str | Path, str]] = []
    expected = (row["expected"] or {}).get("stdout")
    if expected is not None:
        attachments.append(("expected", _clip(expected), "text"))
    if expected is not None or row["stdout"]:
        attachments.append(("actual", _clip(row["stdout"]), "text"))
    if expected is not None and expected != row["stdout"]:
        attachments.append(("diff", _clip(unified_diff(expected, row["stdout"])), "text"))
    if row["stderr"]:
        attachments.append(("stderr", _clip(row["stderr"]), "text"))
    if row["measurements"]:
        attachments.append(("measurements", json.dumps(row["measurements"], indent=1, default=str), "json"))
    for name, path in plot_paths(row["measurements"]):
        found = _resolve(path, folders)
        if found is not None:
            attachments.append((name, found, "png"))
    return AllureItem(title, labels, parameters, "\n\n".join(text), tuple(attachments))


def _attachment_type(kind: str) -> Any:
    from allure_commons.types import AttachmentType

    return {"text": AttachmentType.TEXT, "json": AttachmentType.JSON, "png": AttachmentType.PNG}[kind]


def decorate(row: dict[str, Any], folders: list[Path]) -> None:
    """Labels and attachments of the item allure-pytest is running, from its stored row."""
    import allure

    item = describe(row, folders)
    allure.dynamic.title(item.title)
    for name, value in item.labels:
        allure.dynamic.label(name, value)
    for name, value in item.parameters:
        allure.dynamic.parameter(name, value)
    allure.dynamic.description(item.description)
    for name, body, kind in item.attachments:
        if isinstance(body, Path):
            allure.attach.file(str(body), name, _attachment_type(kind))
        else:
            allure.attach(body, name, _attachment_type(kind))


class ResultWriter:
    """Allure result files of a run's rows, written by a thread as the rows arrive.

    ``add`` takes a stored row (queued: the caller does not wait for its files); ``finish``
    waits for every file and raises the first error writing one. The writer process
    (``harness.report.allure_writer``) drives it and gives each item's row once.
    """

    def __init__(self, folder: Path, folders: list[Path], clean: bool = True):
        from allure_commons.model2 import Label
        from allure_commons.utils import host_tag, platform_label, thread_tag

        from harness.report.allure_files import BackgroundFileLogger

        self.folders = folders
        self.files = BackgroundFileLogger(folder, clean=clean)
        self.common = [Label("host", host_tag()), Label("thread", thread_tag()),
                       Label("framework", "pytest"), Label("language", platform_label())]

    def add(self, row: dict[str, Any]) -> None:
        self.files.submit(self._write, row)

    def finish(self) -> None:
        self.files.flush()

    def _write(self, row: dict[str, Any]) -> None:
        """One result and its attachments (on the writer's thread)."""
        from allure_commons.model2 import Attachment, Label, Parameter, StatusDetails, TestResult
        from allure_commons.utils import md5, represent

        from harness.verdict import failure_text

        item = describe(row, self.folders)
        attachments = []
        for name, body, kind in item.attachments:
            kind_type = _attachment_type(kind)
            source = f"{uuid.uuid4()}-attachment.{kind_type.extension}"
            if isinstance(body, Path):
                self.files.write_file(body, source)
            else:
                self.files.write_data(body, source)
            attachments.append(Attachment(name=name, source=source, type=kind_type.mime_type))
        package = row["spec_id"].replace("/", ".")
        full_name = f"{package}#{row['spec_id'].rsplit('/', 1)[-1]}"
        feature_parts = row["feature"].split(".")
        # The item's pytest markers, which allure-pytest lists as tags.
        tags = [*(".".join(feature_parts[:n]) for n in range(1, len(feature_parts) + 1)),
                *row["tags"], row["target"], f"mode_{row['mode']}"]
        verdict = Verdict(row["verdict"])
        trace = None
        if verdict in FAILING:
            trace = failure_text(row["verdict"], row["reason"], (row["expected"] or {}).get("stdout"),
                                 row["stdout"], row["stderr"])
        parameters = [Parameter(name=name, value=represent(value)) for name, value in item.parameters]
        self.files.write_result(TestResult(
            uuid=str(uuid.uuid4()),
            name=item.title,
            fullName=full_name,
            titlePath=row["spec_id"].split("/"),
            testCaseId=md5(full_name),
            historyId=md5(full_name, *(p.value for p in sorted(parameters, key=lambda p: p.name))),
            status=ALLURE_STATUS[verdict],
            statusDetails=StatusDetails(message=status_message(row), trace=trace,
                                        flaky=True if verdict is Verdict.FLAKY else None),
            stage="finished",
            description=item.description,
            start=int(row["started"] * 1000),
            stop=int(row["finished"] * 1000),
            labels=[*(Label(name, value) for name, value in item.labels),
                    *(Label("tag", tag) for tag in tags), *self.common, Label("package", package)],
            parameters=parameters,
            attachments=attachments,
        ))


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
