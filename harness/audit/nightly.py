"""The nightly run's audit hook (``harness.nightly.AUDIT_HOOK``): the audits a rig asks for,
``audits: [{profile: cdr-emulator, runs: 20, targets: [...], name: ...}]``."""

from __future__ import annotations

import dataclasses
from typing import Any

from rich.console import Console

from harness.audit.main import audit
from harness.errors import HarnessError

REQUEST_KEYS = {"profile", "runs", "targets", "name", "pdf"}


def run_nightly_audits(requests: list[dict[str, Any]], context: Any) -> list[dict[str, Any]]:
    rig = dataclasses.replace(context.rig, results=context.results)
    found = []
    for index, request in enumerate(requests):
        name = str(request.get("name") or request.get("profile") or f"audit {index + 1}")
        unknown = sorted(set(request) - REQUEST_KEYS)
        if unknown or not request.get("profile"):
            why = f"unknown key {unknown[0]!r}" if unknown else "no profile given"
            found.append({"name": name, "ok": False, "report": None, "summary": f"not run: {why}"})
            continue
        try:
            result = audit(context.root, rig, str(request["profile"]), runs=request.get("runs"),
                           targets=request.get("targets"), pdf=bool(request.get("pdf", False)),
                           argv=["nightly", "audit", name], console=Console(stderr=True, quiet=True))
        except HarnessError as err:
            found.append({"name": name, "ok": False, "report": None, "summary": f"not run: {err}"})
            continue
        found.append({"name": name, "ok": result.status == 0, "summary": result.summary,
                      "report": str(result.written["html"])})
    return found
