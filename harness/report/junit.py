"""JUnit XML of a run (``results/junit.xml``), from its stored rows.

The same file pytest's ``--junitxml`` writes for the run's items (one ``testcase`` per
(spec, target, mode), named like the item, a ``verdict`` property, a ``failure`` or
``skipped`` element whose message starts with the verdict), written in one pass when the
session ends instead of by pytest's per-test hooks, so CI servers read the verdicts as before.
"""

from __future__ import annotations

import os
import socket
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from harness.records import Verdict, item_label
from harness.verdict import failure_text, item_outcome


def junit_case(row: dict[str, Any]) -> tuple[ET.Element, str]:
    """One row's ``testcase`` element, and how it went: passed, failed, skipped or xfailed."""
    name = row["spec_id"].rsplit("/", 1)[-1]
    case = ET.Element("testcase", {
        "classname": row["spec_id"].replace("/", "."),
        "name": f"{name}[{item_label(row['target'], row['mode'])}]",
        "time": f"{max(0.0, row['finished'] - row['started']):.3f}",
    })
    ET.SubElement(ET.SubElement(case, "properties"), "property", {"name": "verdict", "value": row["verdict"]})
    kind, message = item_outcome(Verdict(row["verdict"]), row["reason"], row.get("quarantine"))
    if kind == "failed":
        text = failure_text(row["verdict"], row["reason"], (row["expected"] or {}).get("stdout"),
                            row["stdout"], row["stderr"])
        ET.SubElement(case, "failure", {"message": text}).text = text
    elif kind in ("skipped", "xfailed"):
        kind_type = {"skipped": "pytest.skip", "xfailed": "pytest.xfail"}[kind]
        ET.SubElement(case, "skipped", {"type": kind_type, "message": message}).text = message
    return case, kind


def write_junit(rows: Iterable[dict[str, Any]], path: Path, started: float,
                suite_name: str = "pytest") -> Path:
    """Write the rows as one test suite to ``path`` (through a temporary file)."""
    counts = {"failed": 0, "skipped": 0, "xfailed": 0, "passed": 0}
    suite = ET.Element("testsuite")
    for row in rows:
        case, kind = junit_case(row)
        counts[kind] += 1
        suite.append(case)
    suite.attrib.update({
        "name": suite_name,
        "errors": "0",
        "failures": str(counts["failed"]),
        "skipped": str(counts["skipped"] + counts["xfailed"]),
        "tests": str(sum(counts.values())),
        "time": f"{max(0.0, time.time() - started):.3f}",
        "timestamp": datetime.fromtimestamp(started, UTC).isoformat(),
        "hostname": socket.gethostname(),
    })
    root = ET.Element("testsuites", {"name": "pytest tests"})
    root.append(suite)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    ET.ElementTree(root).write(tmp, encoding="utf-8", xml_declaration=True)
    tmp.replace(path)
    return path
