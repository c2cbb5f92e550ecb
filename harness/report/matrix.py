"""The compatibility matrix: features by targets, counts per verdict (``results/matrix.json``)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from harness.features import Feature
from harness.records import VERDICT_ORDER
from harness.report.labops import lab_view
from harness.schema import load_schema
from harness.store import Store

SCHEMA_ID = "micropython-harness/matrix"
SCHEMA_VERSION = 1


def _iso(stamp: float | None) -> str | None:
    return datetime.fromtimestamp(stamp, UTC).isoformat(timespec="seconds") if stamp else None


def _ordered(counter: Counter) -> dict[str, int]:
    return {v.value: counter[v.value] for v in VERDICT_ORDER if counter.get(v.value)}


def build_matrix(store: Store, run_id: str, features: dict[str, Feature]) -> dict[str, Any]:
    run = store.run(run_id)
    if run is None:
        raise KeyError(run_id)
    cells: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    specs: dict[str, set[str]] = defaultdict(set)
    totals: dict[str, Counter] = defaultdict(Counter)
    target_names: list[str] = list(run["targets"])
    marked: list[dict[str, Any]] = []  # FLAKY and quarantined rows (harness.report.labops)
    for row in store.iter_results(run_id):
        if row["verdict"] == "FLAKY" or row.get("quarantine"):
            marked.append(row)
        cells[row["feature"]][row["target"]][row["verdict"]] += 1
        specs[row["feature"]].add(row["spec_id"])
        totals[row["target"]][row["verdict"]] += 1
        if row["target"] not in target_names:
            target_names.append(row["target"])
    rows = []
    for fid in sorted(cells):
        feature = features.get(fid) or Feature(fid, fid, fid.split(".")[0], "")
        rows.append({
            "id": fid,
            "title": feature.title,
            "area": feature.area,
            "cpython_doc": feature.cpython_doc,
            "specs": len(specs[fid]),
            "cells": {t: _ordered(cells[fid][t]) for t in target_names if t in cells[fid]},
        })
    return {
        "schema": SCHEMA_ID,
        "version": SCHEMA_VERSION,
        "run": {
            "id": run["id"],
            "rig": run["rig"],
            "harness_version": run["harness_version"],
            "started": _iso(run["started"]),
            "finished": _iso(run["finished"]),
            "reference": run["info"].get("reference", {}),
        },
        "verdicts": [v.value for v in VERDICT_ORDER],
        "targets": [{"name": t, "identity": run["targets"].get(t, {})} for t in target_names],
        "features": rows,
        "totals": {t: _ordered(totals[t]) for t in target_names if t in totals},
        **lab_view(run, marked),
    }


def write_matrix(matrix: dict[str, Any], out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "matrix.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(matrix, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def matrix_schema() -> dict[str, Any]:
    return load_schema("matrix")
