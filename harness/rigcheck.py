"""``harness rig check``: reach every target and instrument of a rig and say what each is.

Each item gets its identity, its firmware (against what the rig expects), the median
latency of a few trivial round trips (a ``print(1)`` program on a target, ``*IDN?`` on an
instrument) and whether it is ready; an item that cannot be reached gets one line saying
why. Nothing is recorded: this is the check a person runs before a night's run.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from harness.errors import HarnessError
from harness.records import Spec
from harness.rig import Rig, RigTarget
from harness.targets import Target, create_target

PING = "print(1)\n"
PING_OUT = "1\n"
EXECS = 5  # round trips per item; the median is the latency
CHECK_TIMEOUT_S = 5.0  # the longest any one connection attempt may take


@dataclass(frozen=True)
class ItemCheck:
    """One target or instrument of the rig, as the check found it."""

    item: str  # "target" or "instrument"
    name: str
    kind: str  # target kind or scope dialect
    connection: str  # port, labgrid place, VISA resource, or where it runs
    identity: str = ""
    firmware: str = ""
    latency_s: float | None = None
    problem: str = ""  # empty when ready

    @property
    def ready(self) -> bool:
        return not self.problem


def connection_of(target: RigTarget) -> str:
    options = target.config.options
    place = options.get("labgrid")
    if isinstance(place, dict):
        from harness.transport.labgrid import PlaceConfig

        return PlaceConfig.from_option(place).label
    if target.kind == "board":
        return str(options.get("port", "auto"))
    if target.kind.startswith("qemu-"):
        return f"QEMU, serial over {options.get('serial', 'pipe')}"
    return "this machine"


def _short_timeouts(target: RigTarget) -> RigTarget:
    """The target with its connection waits capped, so an absent board fails fast."""
    options = dict(target.config.options)
    if isinstance(options.get("labgrid"), dict):
        place = dict(options["labgrid"])
        place["timeout_s"] = min(float(place.get("timeout_s", CHECK_TIMEOUT_S)), CHECK_TIMEOUT_S)
        options["labgrid"] = place
    key = "reopen_timeout" if target.kind == "board" else "boot_timeout"
    if target.kind == "board" or target.kind.startswith("qemu-"):
        options[key] = min(float(options.get(key, CHECK_TIMEOUT_S)), CHECK_TIMEOUT_S)
    return replace(target, config=replace(target.config, options=options))


def _describe(err: BaseException) -> str:
    """The error's own words: ours name the device already; others get their type."""
    from harness.instruments import InstrumentError
    from harness.transport.stream import TransportError

    own = isinstance(err, HarnessError | TransportError | InstrumentError)
    text = str(err) if own else f"{type(err).__name__}: {err}"
    return " ".join(text.split()) or type(err).__name__


class RigCheck:
    """Checks the rig's items one by one; started targets are stopped by ``close``."""

    def __init__(self, root: Path, rig: Rig, names: list[str] | None = None, execs: int = EXECS):
        self.root = root
        self.rig = rig
        self.targets = rig.select(names)
        self.execs = execs
        self.started: dict[str, Target] = {}
        self._workdir = Path(tempfile.mkdtemp(prefix="harness-rig-check-"))
        self._ping = self._ping_spec()

    def _ping_spec(self) -> Spec:
        path = self._workdir / "ping.py"
        path.write_text(PING, encoding="utf-8")
        return Spec(id="rig-check/ping", path=path, suite="rig-check", feature="harness.rig_check",
                    timeout=5.0)

    def items(self) -> Iterator[tuple[str, Callable[[], ItemCheck]]]:
        """(label, check) for every item, targets first: a virtual scope needs its target."""
        for target in self.targets:
            yield f"target {target.name}", lambda target=target: self.check_target(target)
        for config in self._instruments():
            yield f"instrument {config.name}", lambda config=config: self.check_instrument(config)

    def _instruments(self) -> list[Any]:
        from harness.instruments.config import load_instruments

        names = {t.name for t in self.targets}
        configs = load_instruments(self.rig.raw, self.rig.path, self.rig.targets)
        return [c for c in configs if c.target is None or c.target in names]

    # ---- targets -----------------------------------------------------------------------

    def check_target(self, target: RigTarget) -> ItemCheck:
        from harness.firmware.check import FirmwareCheck

        found = ItemCheck("target", target.name, target.kind, connection_of(target))
        firmware = FirmwareCheck(self.root, allow_mismatch=True, where=str(self.rig.path))
        try:
            config, image = firmware.resolve(_short_timeouts(target).config)
            instance = create_target(config)
        except Exception as err:  # noqa: BLE001 - every failure is the item's problem line
            return replace(found, problem=_describe(err))
        try:
            instance.start()
            self.started[target.name] = instance
            identity = firmware.check(target.name, instance.identity().as_dict(), image)
            latencies = []
            for _ in range(self.execs):
                began = time.perf_counter()
                outcome = instance.run(self._ping)
                latencies.append(time.perf_counter() - began)
                if outcome.stdout != PING_OUT or outcome.timed_out or outcome.crashed or outcome.link_failed:
                    raise HarnessError(f"print(1) gave {outcome.stdout[:40]!r} "
                                       f"{outcome.detail or outcome.stderr.strip()[-120:]}".strip())
        except Exception as err:  # noqa: BLE001
            self._stop(target.name, instance)
            return replace(found, problem=_describe(err))
        found = replace(found, identity=_identity_text(identity), firmware=_firmware_text(identity),
                        latency_s=statistics.median(latencies))
        if identity.get("firmware_mismatch"):
            expected = identity.get("firmware_expected", "")
            found = replace(found, problem=f"not the expected firmware {expected!r}: "
                                           f"{identity['firmware_mismatch']}")
        return found

    # ---- instruments -------------------------------------------------------------------

    def check_instrument(self, config: Any) -> ItemCheck:
        from harness.instruments import InstrumentError

        found = ItemCheck("instrument", config.name, config.dialect,
                          "virtual scope on 127.0.0.1" if config.virtual else str(config.resource))
        try:
            with self._scope(config) as scope:
                identity = scope.identify()
                latencies = []
                for _ in range(max(1, self.execs - 2)):
                    began = time.perf_counter()
                    scope.identify()
                    latencies.append(time.perf_counter() - began)
        except (InstrumentError, HarnessError) as err:
            return replace(found, problem=_describe(err))
        except Exception as err:  # noqa: BLE001
            return replace(found, problem=_describe(err))
        wired = ", ".join(f"{pin}->CH{ch}" for pin, ch in config.wiring.items())
        text = " ".join(filter(None, [identity.vendor, identity.model, identity.serial]))
        return replace(found, identity=text + (f" ({wired})" if wired else ""), firmware=identity.firmware,
                       latency_s=statistics.median(latencies))

    @contextmanager
    def _scope(self, config: Any) -> Iterator[Any]:
        from harness.instruments import DIALECTS, Link, ScpiScope, open_scope

        virtual = None
        timeout = min(config.timeout_s, CHECK_TIMEOUT_S)
        if config.virtual:
            from harness.instruments.virtual import VirtualScope

            target = self.started.get(config.target)
            source = getattr(target, "gpio", None)
            if source is None:
                raise HarnessError(f"its target {config.target!r} is not ready" if target is None
                                   else f"target {config.target!r} has no GPIO trace")
            lines = {channel: source.board.pins[pin] for pin, channel in config.wiring.items()}
            virtual = VirtualScope(source, lines).start()
            scope = ScpiScope(Link.open(config.name, virtual.resource, timeout), DIALECTS[config.dialect])
        else:
            scope = open_scope(config.name, config.resource, config.dialect, timeout)
        try:
            yield scope
        finally:
            scope.close()
            if virtual is not None:
                virtual.stop()

    # ---- the end -----------------------------------------------------------------------

    def _stop(self, name: str, instance: Target) -> None:
        self.started.pop(name, None)
        try:
            instance.stop()
        except Exception:  # noqa: BLE001 - stopping one must not keep the others running
            pass

    def close(self) -> None:
        for name, instance in list(self.started.items()):
            self._stop(name, instance)
        import shutil

        shutil.rmtree(self._workdir, ignore_errors=True)


def _identity_text(identity: dict[str, Any]) -> str:
    parts = [identity.get("implementation", ""), identity.get("machine", "")]
    return "; ".join(p for p in parts if p)


def _firmware_text(identity: dict[str, Any]) -> str:
    name = identity.get("firmware_name")
    if name:
        return str(name)
    firmware = str(identity.get("firmware") or "")
    if "sha256:" in firmware:
        head, _, digest = firmware.partition("sha256:")
        return f"{head}sha256:{digest[:12]}".strip()
    return firmware or str(identity.get("version", ""))[:60]
