"""Qualification profiles (``conformance/profiles/*.yaml``): what an audit runs and requires.

Validated against ``harness/schemas/profile.schema.json``; every error is one line naming
the file, line and key.
"""

from __future__ import annotations

import fnmatch
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.errors import HarnessError
from harness.records import Spec
from harness.schema import validate
from harness.yamlfile import LineMap, load_yaml

PHASES = ("srr", "pdr", "cdr", "flight")
RESOURCES = ("cpu", "deadline", "ram", "prom")
# NASA GSFC flight software margins (QUALIFICATION.md): use must stay below 100% minus these.
DEFAULT_MARGINS: dict[str, dict[str, float]] = {
    "cpu": {"srr": 0.5, "pdr": 0.5, "cdr": 0.4, "flight": 0.3},
    "deadline": {"srr": 0.5, "pdr": 0.5, "cdr": 0.4, "flight": 0.3},
    "ram": {"srr": 0.5, "pdr": 0.5, "cdr": 0.4, "flight": 0.3},
    "prom": {"srr": 0.5, "pdr": 0.3, "cdr": 0.2, "flight": 0.0},
}
DEFAULT_ENGINEERING_MARGIN = 0.2
DEFAULT_EXCEEDANCE = 1e-6
RESTARTS = ("none", "run", "boot")


@dataclass(frozen=True)
class ProfileTarget:
    name: str  # the name in the audit (``as``, else the rig target's)
    target: str  # the rig's target
    restart: str = "none"
    restart_every: int | None = None
    icount: int | None = None
    seed: int | None = None
    instructions: bool | None = None  # None: count them when icount is on
    optional: bool = False
    jitter_tolerance: float | None = None  # None: the profile's
    line: int | None = None

    @property
    def counts_instructions(self) -> bool:
        return self.instructions if self.instructions is not None else self.icount is not None


@dataclass(frozen=True)
class Requirement:
    id: str
    check: str
    title: str = ""
    specs: tuple[str, ...] = ()
    features: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    accept: tuple[str, ...] = ("PASS", "KNOWN-DIFF")
    metric: str | None = None
    metrics: tuple[str, ...] = ()
    statistic: str = "max"
    budget: float | None = None
    unit: str = ""
    resource: str | None = None
    line: int | None = None

    def covers(self, spec_id: str, feature: str) -> bool:
        """Whether a spec is in this requirement's scope (no patterns: every spec)."""
        if not self.specs and not self.features:
            return True
        return (any(spec_matches(spec_id, p) for p in self.specs)
                or any(fnmatch.fnmatchcase(feature, p) or feature.startswith(p + ".") for p in self.features))


@dataclass(frozen=True)
class Deviation:
    requirement: str
    justification: str
    target: str | None = None
    action: str = ""

    def applies(self, requirement: str, target: str | None) -> bool:
        return self.requirement == requirement and (self.target is None or self.target == target)


@dataclass(frozen=True)
class Profile:
    name: str
    path: Path
    sha256: str
    phase: str
    runs: int
    targets: tuple[ProfileTarget, ...]
    specs: tuple[str, ...]
    title: str = ""
    description: str = ""
    basis: str = "measurement"
    engineering_margin: float = DEFAULT_ENGINEERING_MARGIN
    jitter_tolerance: float = 0.0
    exceedance: float = DEFAULT_EXCEEDANCE
    margins: dict[str, dict[str, float]] = field(default_factory=dict)
    requirements: tuple[Requirement, ...] = ()
    deviations: tuple[Deviation, ...] = ()
    signoff: dict[str, str] = field(default_factory=dict)
    lines: LineMap = field(default_factory=dict, repr=False)

    def margin(self, resource: str) -> float:
        return self.margins[resource][self.phase]

    def target(self, name: str) -> ProfileTarget:
        for entry in self.targets:
            if entry.name == name:
                return entry
        raise KeyError(name)

    def tolerance(self, target: str) -> float:
        """Relative spread of instruction counts (and listed metrics) still called reproducible."""
        try:
            own = self.target(target).jitter_tolerance
        except KeyError:
            own = None
        return self.jitter_tolerance if own is None else float(own)

    def deviation(self, requirement: str, target: str | None) -> Deviation | None:
        for entry in self.deviations:
            if entry.applies(requirement, target):
                return entry
        return None

    def where(self, *key: Any) -> tuple[Path, int | None]:
        probe = tuple(key)
        while probe and probe not in self.lines:
            probe = probe[:-1]
        return self.path, self.lines.get(probe)


def spec_matches(spec_id: str, pattern: str) -> bool:
    """A spec id against a profile pattern: an id, a folder (prefix) or a glob."""
    pattern = pattern.strip("/")
    if pattern.startswith("specs/"):
        pattern = pattern[len("specs/"):]
    if pattern.endswith(".py"):
        pattern = pattern[:-3]
    return (spec_id == pattern or spec_id.startswith(pattern + "/")
            or fnmatch.fnmatchcase(spec_id, pattern))


def find_profile(value: str, root: Path) -> Path:
    """A profile path, or a bare name under ``conformance/profiles/``."""
    path = Path(value)
    if path.exists():
        return path
    if not path.is_absolute() and (root / path).exists():
        return root / path
    named = root / "conformance" / "profiles" / f"{value}.yaml"
    if path.suffix == "" and named.exists():
        return named
    raise HarnessError("no such profile (give a file or a name in conformance/profiles/)", where=value)


def _unknown_keys(data: Any, path: Path, lines: LineMap) -> None:
    """An unknown key, named with its own line (the schema would point at its mapping)."""
    from harness.schema import load_schema

    schema = load_schema("profile")
    sections = [((), data, schema["properties"])]
    for name in ("targets", "requirements", "deviations"):
        items = data.get(name) if isinstance(data, dict) else None
        known = schema["properties"][name]["items"]["properties"]
        sections += [((name, i), item, known) for i, item in enumerate(items or []) if isinstance(item, dict)]
    for where, mapping, known in sections:
        if not isinstance(mapping, dict):
            continue
        for key in mapping:
            if key not in known:
                label = ".".join(str(p) for p in (*where, key))
                raise HarnessError(f"{label}: unknown key (known: {', '.join(known)})", where=path,
                                   line=lines.get((*where, key)))


def load_profile(path: Path) -> Profile:
    data, lines = load_yaml(path)
    _unknown_keys(data, path, lines)
    validate(data, "profile", path, lines)
    targets = []
    for index, entry in enumerate(data["targets"]):
        targets.append(ProfileTarget(
            name=entry.get("as", entry["target"]), target=entry["target"],
            restart=entry.get("restart", "none"), restart_every=entry.get("restart_every"),
            icount=entry.get("icount"), seed=entry.get("seed"), instructions=entry.get("instructions"),
            optional=bool(entry.get("optional", False)), jitter_tolerance=entry.get("jitter_tolerance"),
            line=lines.get(("targets", index)),
        ))
    names = [t.name for t in targets]
    for index, name in enumerate(names):
        if names.index(name) != index:
            raise HarnessError(f"targets.{index}: {name!r} appears twice (give one of them an 'as:' name)",
                               where=path, line=targets[index].line)
        if targets[index].restart == "boot" and targets[index].icount is None:
            raise HarnessError(f"targets.{index}.restart: boot runs need deterministic mode (icount)",
                               where=path, line=lines.get(("targets", index, "restart")))
    requirements = []
    for index, entry in enumerate(data.get("requirements") or []):
        line = lines.get(("requirements", index))
        for name in entry.get("targets", []):
            if name not in names:
                raise HarnessError(f"requirements.{index}.targets: {name!r} is not a target of this profile "
                                   f"({', '.join(names)})", where=path,
                                   line=lines.get(("requirements", index, "targets"), line))
        requirements.append(Requirement(
            id=entry["id"], check=entry["check"], title=entry.get("title", ""),
            specs=tuple(entry.get("specs", ())), features=tuple(entry.get("features", ())),
            targets=tuple(entry.get("targets", ())),
            accept=tuple(entry.get("accept", ("PASS", "KNOWN-DIFF"))),
            metric=entry.get("metric"), metrics=tuple(entry.get("metrics", ())),
            statistic=entry.get("statistic", "max"), budget=entry.get("budget"),
            unit=entry.get("unit", ""),
            resource=entry.get("resource", "prom" if entry["check"] == "code-size" else None),
            line=line,
        ))
    ids = [r.id for r in requirements]
    for index, rid in enumerate(ids):
        if ids.index(rid) != index:
            raise HarnessError(f"requirements.{index}.id: {rid!r} is used twice", where=path,
                               line=requirements[index].line)
    deviations = []
    for index, entry in enumerate(data.get("deviations") or []):
        if entry["requirement"] not in ids:
            raise HarnessError(f"deviations.{index}.requirement: no requirement {entry['requirement']!r}",
                               where=path, line=lines.get(("deviations", index, "requirement")))
        if entry.get("target") and entry["target"] not in names:
            raise HarnessError(f"deviations.{index}.target: {entry['target']!r} is not a target of this "
                               "profile", where=path, line=lines.get(("deviations", index, "target")))
        deviations.append(Deviation(entry["requirement"], entry["justification"], entry.get("target"),
                                    entry.get("action", "")))
    margins = {resource: dict(DEFAULT_MARGINS[resource]) for resource in RESOURCES}
    for resource, phases in (data.get("margins") or {}).items():
        margins[resource].update(phases)
    return Profile(
        name=data["profile"], path=path, sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        phase=data["phase"], runs=int(data["runs"]), targets=tuple(targets), specs=tuple(data["specs"]),
        title=data.get("title", ""), description=data.get("description", ""),
        basis=data.get("basis", "measurement"),
        engineering_margin=float(data.get("engineering_margin", DEFAULT_ENGINEERING_MARGIN)),
        jitter_tolerance=float(data.get("jitter_tolerance", 0.0)),
        exceedance=float(data.get("exceedance", DEFAULT_EXCEEDANCE)),
        margins=margins, requirements=tuple(requirements), deviations=tuple(deviations),
        signoff={str(k): str(v) for k, v in (data.get("signoff") or {}).items()}, lines=lines,
    )


def profile_specs(root: Path, profile: Profile) -> list[Spec]:
    """The specs a profile names, loaded from the folders its patterns start in (a broken
    spec elsewhere in the suite does not stop an audit), their features checked."""
    from harness.features import check_spec_features, load_features
    from harness.spec import discover

    spec_root = (root / "specs").resolve()
    bases: set[Path] = set()
    for pattern in profile.specs:
        parts = []
        for part in pattern.strip("/").removeprefix("specs/").split("/"):
            if any(c in part for c in "*?["):
                break
            parts.append(part)
        base = spec_root.joinpath(*parts) if parts else spec_root
        if base.with_suffix(".py").is_file():
            base = base.with_suffix(".py")
        while not base.exists() and base != spec_root:
            base = base.parent
        bases.add(base)
    if any(b == spec_root for b in bases):
        bases = {spec_root}
    found = {s.id: s for s in discover(spec_root, sorted(bases))}
    chosen = select_specs(profile, sorted(found.values(), key=lambda s: s.id))
    check_spec_features(chosen, load_features(root / "conformance" / "features.yaml"))
    return chosen


def select_specs(profile: Profile, specs: list[Spec]) -> list[Spec]:
    """The suite's specs the profile names, in suite order; a pattern naming none is an error."""
    chosen = [s for s in specs if any(spec_matches(s.id, p) for p in profile.specs)]
    for index, pattern in enumerate(profile.specs):
        if not any(spec_matches(s.id, pattern) for s in specs):
            where, line = profile.where("specs", index)
            raise HarnessError(f"specs.{index}: {pattern!r} names no spec under specs/", where=where,
                               line=line)
    return chosen
