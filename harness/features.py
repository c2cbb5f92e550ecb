"""The feature taxonomy, ``conformance/features.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from harness.errors import HarnessError
from harness.yamlfile import load_yaml

AREAS = ("language", "builtins", "types", "stdlib", "micropython", "hardware", "determinism")
FOREIGN_AREA = "foreign"  # features made up for foreign suites, never in features.yaml


@dataclass(frozen=True)
class Feature:
    id: str
    title: str
    area: str
    cpython_doc: str


@cache
def load_features(path: Path) -> dict[str, Feature]:
    data, lines = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("features"), list):
        raise HarnessError("expected a mapping with a 'features' list", where=path)
    features: dict[str, Feature] = {}
    for index, entry in enumerate(data["features"]):
        line = lines.get(("features", index))
        if not isinstance(entry, dict):
            raise HarnessError("each feature must be a mapping", where=path, line=line)
        missing = [key for key in ("id", "title", "area", "cpython_doc") if not entry.get(key)]
        if missing:
            raise HarnessError(f"feature lacks {', '.join(missing)}", where=path, line=line)
        fid = str(entry["id"])
        if fid in features:
            raise HarnessError(f"feature {fid!r} defined twice", where=path, line=line)
        if entry["area"] not in AREAS:
            raise HarnessError(
                f"feature {fid!r}: unknown area {entry['area']!r} (known: {', '.join(AREAS)})",
                where=path,
                line=line,
            )
        if not fid.startswith(entry["area"] + "."):
            raise HarnessError(
                f"feature {fid!r} must start with its area {entry['area']!r}", where=path, line=line
            )
        features[fid] = Feature(fid, str(entry["title"]), str(entry["area"]), str(entry["cpython_doc"]))
    return features


def check_spec_features(specs, features: dict[str, Feature]) -> None:
    """Every spec's feature must exist in the taxonomy."""
    for spec in specs:
        if spec.feature not in features and not spec.foreign:
            raise HarnessError(
                f"unknown feature {spec.feature!r} (not in conformance/features.yaml)",
                where=spec.path,
                line=_feature_line(spec.path),
            )


def _feature_line(path: Path) -> int | None:
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip("# ").startswith("feature"):
            return lineno
    return None
