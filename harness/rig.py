"""Rig files (``rigs/*.yaml``): what targets and instruments exist, how each is reached, and
where results go.

The schema (``harness/schemas/rig.schema.json``) says which options each kind of target
takes; this module checks a file against it with one-line errors naming the file, line and
key, and adds what a schema cannot word well (which options a kind takes; a board needs a
port or a labgrid place; a serial URL needs a host and a port).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from harness.errors import HarnessError
from harness.records import MODE_ORDER
from harness.schema import load_schema, validate
from harness.targets import KIND_MODULES, TargetConfig
from harness.yamlfile import LineMap, load_yaml

# Keys of a target entry that describe the entry itself; every other key is an option of its kind.
_TARGET_KEYS = {"name", "kind", "enabled", "baseline", "optional", "modes", "description", "exclusive",
                "capabilities"}
# Kinds with a physical device behind them: a parallel run never splits their items.
DEVICE_KINDS = frozenset({"board"})
# pyserial URL schemes a port may use (plus plain device paths and ``auto``).
SERIAL_SCHEMES = {"socket", "rfc2217", "loop", "spy", "hwgrep", "alt"}
DEFAULT_LABGRID_COORDINATOR = "127.0.0.1:20408"
# How a spec is run: as source (the target compiles it), with an emitter, or as .mpy.
MODES = MODE_ORDER


def parse_modes(text: str) -> tuple[str, ...]:
    """``bytecode,mpy`` -> ("bytecode", "mpy"); HarnessError naming an unknown mode."""
    modes = tuple(dict.fromkeys(m.strip() for m in text.split(",") if m.strip()))
    unknown = [m for m in modes if m not in MODES]
    if unknown or not modes:
        raise HarnessError(f"--modes: unknown mode {unknown[0] if unknown else text!r} "
                           f"(known: {', '.join(MODES)})")
    return modes


@dataclass(frozen=True)
class RigTarget:
    config: TargetConfig
    baseline: str
    optional: bool = False
    modes: tuple[str, ...] = ("bytecode",)
    exclusive: bool | None = None  # None: decided by the kind (see ``is_exclusive``)
    capabilities: tuple[str, ...] = ()  # declared in the rig (harness.selection, harness.capability)

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def kind(self) -> str:
        return self.config.kind

    @property
    def is_exclusive(self) -> bool:
        """True when all of the target's items must run on one worker: a real board (one
        device, one connection). Emulators and host targets are started by each worker."""
        if self.exclusive is not None:
            return self.exclusive
        return self.kind in DEVICE_KINDS

    @property
    def device(self) -> str:
        """What the target occupies: two targets naming the same port or labgrid place are
        the same board, so a parallel run keeps them on one worker."""
        options = self.config.options
        place = options.get("labgrid")
        if isinstance(place, dict):
            coordinator = place.get("coordinator") or DEFAULT_LABGRID_COORDINATOR
            return f"labgrid:{coordinator}/{place.get('place')}"
        if options.get("port"):
            return f"port:{options['port']}"
        return f"target:{self.name}"


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

    @property
    def parallel(self) -> int | None:
        """The rig's ``parallel:``: None (one worker), 0 (one worker per target) or a count."""
        value = self.raw.get("parallel")
        if value is None or value is False:
            return None
        return 0 if value is True else int(value)


def resolve_rig_path(path: Path | str, root: Path) -> Path:
    """A rig file from a path, a path under the project, or a bare name (``local``)."""
    path = Path(path)
    if not path.is_absolute() and not path.exists():
        path = root / path
    if not path.exists() and path.suffix == "" and (root / "rigs" / f"{path.name}.yaml").exists():
        path = root / "rigs" / f"{path.name}.yaml"  # `--rig local`
    return path


def load_rig(path: Path | str, root: Path) -> Rig:
    path = resolve_rig_path(path, root)
    data, lines = load_yaml(path)
    check_targets(data, path, lines)  # before the schema: errors that say which option of which kind
    validate(data, "rig", path, lines)
    targets: dict[str, RigTarget] = {}
    names: set[str] = set()
    for index, entry in enumerate(data["targets"]):
        name, kind = entry["name"], entry["kind"]
        if name in names:
            raise HarnessError(f"targets.{index}.name: {name!r} defined twice", where=path,
                               line=lines.get(("targets", index)))
        names.add(name)
        if entry.get("enabled", True) is False:
            continue
        options = {k: v for k, v in entry.items() if k not in _TARGET_KEYS}
        targets[name] = RigTarget(
            config=TargetConfig(name=name, kind=kind, options=options),
            baseline=entry.get("baseline", name),
            optional=bool(entry.get("optional", False)),
            modes=tuple(entry.get("modes", ("bytecode",))),
            exclusive=entry.get("exclusive"),
            capabilities=tuple(entry.get("capabilities", ())),
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


# ---- checks the schema cannot word well -------------------------------------------------------

@cache
def kind_options(kind: str) -> frozenset[str]:
    """Every key a target entry of ``kind`` may have (entry keys and the kind's options)."""
    schema = load_schema("rig")
    defs = schema["$defs"]
    keys = set(defs["target"]["properties"])

    def walk(node: dict[str, Any]) -> None:
        keys.update(node.get("properties", {}))
        for sub in node.get("allOf", []):
            ref = sub.get("$ref", "")
            walk(defs[ref.rsplit("/", 1)[-1]] if ref else sub)

    walk(defs["kinds"].get(kind, {}))
    return frozenset(keys)


def check_targets(data: Any, path: Path, lines: LineMap) -> None:
    """Kind, option names and connection of each target entry (entries too malformed for
    this are left to the schema)."""
    if not isinstance(data, dict) or not isinstance(data.get("targets"), list):
        return
    for index, entry in enumerate(data["targets"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("kind"), str):
            continue
        where = ("targets", index)

        def fail(message: str, key: str | None = None, where: tuple = where) -> HarnessError:
            line = lines.get(where + (key,)) if key else None
            return HarnessError(f"{'.'.join(map(str, where + ((key,) if key else ())))}: {message}",
                                where=path, line=line or lines.get(where))

        kind = entry["kind"]
        if kind not in KIND_MODULES:
            raise fail(f"unknown target kind {kind!r} (known: {', '.join(sorted(KIND_MODULES))})", "kind")
        allowed = kind_options(kind)
        for key in entry:
            if key not in allowed:
                raise fail(f"unknown option {key!r} for a {kind} target "
                           f"(known: {', '.join(sorted(allowed - {'name', 'kind'}))})", str(key))
        if kind == "board":
            _check_board(entry, fail)


def _check_board(entry: dict[str, Any], fail) -> None:
    port, place = entry.get("port"), entry.get("labgrid")
    if port is None and place is None:
        raise fail("a board needs 'port' (auto, a device path, socket:// or rfc2217:// URL) "
                   "or 'labgrid' (a place)")
    if port is not None and place is not None:
        raise fail("give either 'port' or 'labgrid', not both", "labgrid")
    if isinstance(port, str):
        problem = port_problem(port)
        if problem:
            raise fail(problem, "port")


def port_problem(port: str) -> str | None:
    """Why ``port`` cannot name a serial connection, or None."""
    if port == "auto" or "://" not in port:
        return None if port.strip() else "empty port"
    scheme = port.split("://", 1)[0]
    if scheme not in SERIAL_SCHEMES:
        return (f"{port!r}: unknown URL scheme {scheme!r} "
                f"(use auto, a device path, or one of {', '.join(sorted(SERIAL_SCHEMES))})")
    if scheme in ("socket", "rfc2217"):
        try:
            parts = urlsplit(port)
            ok = bool(parts.hostname) and parts.port is not None
        except ValueError:
            ok = False
        if not ok:
            return f"{port!r} needs a host and a port ({scheme}://HOST:PORT)"
    return None

