"""Rig files (``rigs/*.yaml``): what targets and instruments exist, and where results go."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.errors import HarnessError
from harness.schema import validate
from harness.targets import KIND_MODULES, TargetConfig
from harness.yamlfile import load_yaml

_TARGET_KEYS = {"name", "kind", "enabled", "baseline", "optional", "modes"}


@dataclass(frozen=True)
class RigTarget:
    config: TargetConfig
    baseline: str
    optional: bool = False
    modes: tuple[str, ...] = ("bytecode",)

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def kind(self) -> str:
        return self.config.kind


@dataclass(frozen=True)
class Rig:
    name: str
    path: Path
    targets: dict[str, RigTarget]
    results: Path
    database: Path
    retries: int = 0
    raw: dict[str, Any] = field(default_factory=dict)

    def select(self, names: list[str] | None) -> list[RigTarget]:
        """The rig's targets named in ``names`` (all enabled ones when None)."""
        if not names:
            return list(self.targets.values())
        unknown = [n for n in names if n not in self.targets]
        if unknown:
            raise HarnessError(
                f"unknown target {unknown[0]!r} (this rig has: {', '.join(self.targets)})",
                where=self.path,
            )
        return [self.targets[n] for n in names]


def load_rig(path: Path | str, root: Path) -> Rig:
    path = Path(path)
    if not path.is_absolute() and not path.exists():
        path = root / path
    if not path.exists() and path.suffix == "" and (root / "rigs" / f"{path.name}.yaml").exists():
        path = root / "rigs" / f"{path.name}.yaml"  # `--rig local`
    data, lines = load_yaml(path)
    validate(data, "rig", path, lines)
    targets: dict[str, RigTarget] = {}
    for index, entry in enumerate(data["targets"]):
        line = lines.get(("targets", index))
        name, kind = entry["name"], entry["kind"]
        if kind not in KIND_MODULES:
            raise HarnessError(
                f"targets.{index}.kind: unknown target kind {kind!r} "
                f"(known: {', '.join(sorted(KIND_MODULES))})",
                where=path,
                line=lines.get(("targets", index, "kind"), line),
            )
        if name in targets:
            raise HarnessError(f"targets.{index}.name: {name!r} defined twice", where=path, line=line)
        if entry.get("enabled", True) is False:
            continue
        options = {k: v for k, v in entry.items() if k not in _TARGET_KEYS}
        targets[name] = RigTarget(
            config=TargetConfig(name=name, kind=kind, options=options),
            baseline=entry.get("baseline", name),
            optional=bool(entry.get("optional", False)),
            modes=tuple(entry.get("modes", ("bytecode",))),
        )
    results = root / data.get("results", "results")
    database = root / data["database"] if data.get("database") else results / "harness.sqlite"
    return Rig(
        name=data["name"],
        path=path,
        targets=targets,
        results=results,
        database=database,
        retries=int(data.get("retries", 0)),
        raw=data,
    )
