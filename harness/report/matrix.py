"""The compatibility matrix: features by targets, counts per verdict (``results/matrix.json``).

A column is a (target, mode): ``unix`` runs specs from source, ``unix-mpy`` as .mpy files.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from harness.features import Feature
from harness.records import MODE_ORDER, VERDICT_ORDER, item_label
from harness.report.labops import lab_view
from harness.schema import load_schema
from harness.store import Store

SCHEMA_ID = "micropython-harness/matrix"
SCHEMA_VERSION = 1


def _iso(stamp: float | None) -> str | None:
    return datetime.fromtimestamp(stamp, UTC).isoformat(timespec="seconds") if stamp else None


def _ordered(counter: Counter) -> dict[str, int]:
    return {v.value: counter[v.value] for v in VERDICT_ORDER if counter.get(v.value)}


def _columns(run_targets: list[str], modes: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(target, mode) columns: the run's targets in order, each followed by its other modes.
    A target with no results keeps its (bytecode) column."""
    names = run_targets + [t for t in modes if t not in run_targets]
    order = {m: i for i, m in enumerate(MODE_ORDER)}
    return [(t, m) for t in names
            for m in sorted(modes.get(t) or {"bytecode"}, key=lambda m: (order.get(m, 99), m))]


def build_matrix(store: Store, run_id: str, features: dict[str, Feature],
                 rows: Iterable[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Features by columns, one column per (target, mode): ``unix`` and ``unix-mpy`` side by side.

    ``rows`` are the run's stored results when the caller has read them already.
    """
    run = store.run(run_id)
    if run is None:
        raise KeyError(run_id)
    cells: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    specs: dict[str, set[str]] = defaultdict(set)
    totals: dict[str, Counter] = defaultdict(Counter)
    modes: dict[str, set[str]] = defaultdict(set)
    marked: list[dict[str, Any]] = []  # FLAKY and quarantined rows (harness.report.labops)
    for row in store.iter_results(run_id) if rows is None else rows:
        if row["verdict"] == "FLAKY" or row.get("quarantine"):
            marked.append(row)
        label = item_label(row["target"], row["mode"])
        cells[row["feature"]][label][row["verdict"]] += 1
        specs[row["feature"]].add(row["spec_id"])
        totals[label][row["verdict"]] += 1
        modes[row["target"]].add(row["mode"])
    columns = _columns(list(run["targets"]), modes)
    labels = [item_label(t, m) for t, m in columns]
    rows = []
    for fid in sorted(cells):
        feature = features.get(fid) or Feature(fid, fid, fid.split(".")[0], "")
        rows.append({
            "id": fid,
            "title": feature.title,
            "area": feature.area,
            "cpython_doc": feature.cpython_doc,
            "specs": len(specs[fid]),
            "cells": {t: _ordered(cells[fid][t]) for t in labels if t in cells[fid]},
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
        "targets": [{"name": item_label(t, m), "target": t, "mode": m,
                     "identity": run["targets"].get(t, {})} for t, m in columns],
        "features": rows,
        "totals": {t: _ordered(totals[t]) for t in labels if t in totals},
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
