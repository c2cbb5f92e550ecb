"""Running an audit: the profile's specs N times per target, through the Session.

Each run of each spec is judged and stored the moment it ends (the store is the single
source of truth; an interrupted audit keeps every run it finished). Per target:

- the rig's target with the profile's emulator options (``icount``, ``seed``) and, in
  deterministic mode, the audit's instruction-counting plugin;
- ``restart: none``: the target's own reset before every run (a soft reset on a board or
  emulator, a fresh interpreter on the PC port); ``restart_every: K`` adds a full restart
  after every K repetitions; ``restart: run`` restarts the emulator before every run;
  ``restart: boot`` makes every run a cold boot with the spec as the boot script;
- repetitions in order, each running every spec once, so the samples of a spec are spread
  over the audit rather than taken back to back.
"""

from __future__ import annotations

import logging
import platform
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from harness import __version__
from harness.audit.bootscript import BootRunner, supports_boot_script
from harness.audit.icount import MARKER_ADDRESS, build_plugin
from harness.audit.probe import AuditTarget, repeat_mode
from harness.audit.profile import Profile, ProfileTarget
from harness.audit.sizes import image_size
from harness.errors import HarnessError
from harness.records import Spec
from harness.rig import Rig, RigTarget
from harness.session import Session
from harness.targets.base import TargetConfig

log = logging.getLogger("harness.audit")

KIND = "audit"  # runs.info.kind of an audit run, so history tells it from nightly runs


@dataclass
class AuditRun:
    run_id: str
    interrupted: bool = False
    completed: dict[str, int] = field(default_factory=dict)  # target -> repetitions finished
    offline: dict[str, str] = field(default_factory=dict)

    @property
    def runs_completed(self) -> int:
        return min(self.completed.values()) if self.completed else 0


def select_targets(profile: Profile, names: list[str] | None) -> list[ProfileTarget]:
    if not names:
        return list(profile.targets)
    known = [t.name for t in profile.targets]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise HarnessError(f"unknown target {unknown[0]!r} (this profile has: {', '.join(known)})",
                           where=profile.path)
    return [t for t in profile.targets if t.name in names]


def audit_rig(rig: Rig, profile: Profile, plans: list[ProfileTarget], workdir: Path,
              plugin: Path | None) -> Rig:
    """The rig's targets as the profile configures them, under the audit's names."""
    targets: dict[str, RigTarget] = {}
    for plan in plans:
        base = rig.targets.get(plan.target)
        if base is None:
            where, line = profile.where("targets", profile.targets.index(plan), "target")
            raise HarnessError(f"target {plan.target!r} is not in rig {rig.name} ({rig.path}; it has: "
                               f"{', '.join(rig.targets)})", where=where, line=line)
        options = dict(base.config.options)
        if plan.icount is not None:
            options["icount"] = plan.icount
        if plan.seed is not None:
            options["seed"] = plan.seed
        if plugin is not None and plan.counts_instructions and base.kind in MARKER_ADDRESS:
            extra = [str(a) for a in options.get("extra_args", [])]
            extra += ["-plugin", f"{plugin},addr={MARKER_ADDRESS[base.kind]:#x}"]
            if not options.get("gpio_trace"):  # else the GPIO plugin's -D log carries our lines too
                extra += ["-d", "plugin", "-D", str(workdir / f"{plan.name}.log")]
            options["extra_args"] = extra
        targets[plan.name] = RigTarget(TargetConfig(plan.name, base.kind, options), baseline=base.baseline,
                                       optional=plan.optional, modes=("bytecode",))
    return Rig(rig.name, rig.path, targets, rig.results, rig.database, rig.retries,
               {**rig.raw, "instruments": audit_instruments(rig, plans)})


def audit_instruments(rig: Rig, plans: list[ProfileTarget]) -> list[dict[str, Any]]:
    """The rig's instruments wired to the audit's names of their targets: the first
    configuration of a target that runs through its REPL gets its wiring (a boot run has no
    scope attached); instruments of targets the audit does not use are left out."""
    found = []
    for entry in rig.raw.get("instruments") or []:
        names = [p.name for p in plans if p.target == entry.get("target") and p.restart != "boot"]
        if names:
            found.append({**entry, "target": names[0]})
    return found


def configuration(plan: ProfileTarget, live: Any, plugin: Path | None, root: Path) -> dict[str, Any]:
    """What the report's first page says about one audit target."""
    config = live.rig_target.config
    identity = live.identity or {}
    inner = getattr(live.instance, "inner", live.instance)
    firmware = getattr(inner, "firmware", None)
    found: dict[str, Any] = {
        "name": plan.name, "target": plan.target, "kind": config.kind, "identity": identity,
        "restart": plan.restart, "restart_every": plan.restart_every, "optional": plan.optional,
        "firmware": {"image": str(firmware) if firmware else identity.get("firmware", ""),
                     "sha256": identity.get("firmware_sha256", ""),
                     "name": identity.get("firmware_name", ""),
                     "description": identity.get("implementation", "")},
    }
    if config.kind.startswith("qemu"):
        command = (identity.get("extra") or {}).get("qemu", "")
        boot = getattr(live.instance, "boot", None)
        if isinstance(boot, BootRunner):  # what every run actually starts
            command = " ".join(boot.argv(Path("<firmware with the spec as boot script>.hex"),
                                         Path("<log>") if plan.counts_instructions else None))
        icount = config.options.get("icount")
        found["emulator"] = {
            "command": command,
            "icount_shift": icount,
            "ns_per_instruction": (1 << int(icount)) if icount is not None else None,
            "sleep": "off" if icount is not None else None,
            "seed": config.options.get("seed"),
            "instruction_plugin": str(plugin) if plugin is not None and plan.counts_instructions else None,
            "marker_address": f"{MARKER_ADDRESS[config.kind]:#x}" if config.kind in MARKER_ADDRESS else None,
        }
        found["code_size"] = image_size(Path(firmware)) if firmware else None
    found["firmware"].update(_manifest_facts(identity, root))
    return found


def _manifest_facts(identity: dict[str, Any], root: Path) -> dict[str, str]:
    """Where the running image comes from and its source commit, from the firmware manifest."""
    from harness.firmware.manifest import MANIFEST, load_manifest

    if not (root / MANIFEST).exists():
        return {}
    try:
        manifest = load_manifest(root)
    except (HarnessError, OSError):
        return {}
    image = manifest.by_sha256(identity.get("firmware_sha256")) or manifest.images.get(
        identity.get("firmware_name", ""))
    if image is None:
        return {}
    found = {"name": image.name, "origin": image.origin(), "micropython": image.micropython}
    if image.commit:
        found["source_commit"] = image.commit
    return found


def environment() -> dict[str, Any]:
    qemu = shutil.which("qemu-system-arm")
    version = ""
    if qemu:
        import subprocess

        out = subprocess.run([qemu, "--version"], capture_output=True, text=True).stdout
        version = out.splitlines()[0] if out else ""
    return {"host": platform.node(), "os": platform.platform(), "python": platform.python_version(),
            "processor": platform.processor() or platform.machine(), "qemu": version,
            "harness_version": __version__}


def run_audit(root: Path, rig: Rig, profile: Profile, specs: list[Spec], plans: list[ProfileTarget],
              runs: int, argv: list[str], console: Console | None = None,
              allow_firmware_mismatch: bool = False) -> AuditRun:
    """Run the audit and store every result; returns the run's id and what happened."""
    console = console or Console(stderr=True)
    cache = root / ".harness-cache" / "audit"
    workdir = Path(tempfile.mkdtemp(prefix="harness-audit-"))
    try:
        needs_plugin = any(p.counts_instructions for p in plans)
        plugin = build_plugin(cache) if needs_plugin else None
        session = Session(root, audit_rig(rig, profile, plans, workdir, plugin), [p.name for p in plans],
                          argv=argv, allow_firmware_mismatch=allow_firmware_mismatch)
        audit = AuditRun(session.run_id)
        info: dict[str, Any] = {
            "profile": str(profile.path), "profile_name": profile.name, "profile_sha256": profile.sha256,
            "runs": runs, "specs": [s.id for s in specs], "targets": {}, "environment": environment(),
            "started": time.time(), "instruments": audit_instruments(rig, plans),
            "targets_left_out": [t.name for t in profile.targets if t not in plans],
        }
        session.store.set_run_info(session.run_id, kind=KIND, audit=info)
        try:
            _run_targets(session, profile, specs, plans, runs, workdir, plugin, info, audit, console)
        except KeyboardInterrupt:
            audit.interrupted = True
        finally:
            info.update(finished=time.time(), interrupted=audit.interrupted,
                        runs_completed=audit.runs_completed, completed=audit.completed,
                        offline=audit.offline)
            session.store.set_run_info(session.run_id, audit=info)
            session.close(finish=not audit.interrupted)
        return audit
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _run_targets(session: Session, profile: Profile, specs: list[Spec], plans: list[ProfileTarget],
                 runs: int, workdir: Path, plugin: Path | None, info: dict[str, Any], audit: AuditRun,
                 console: Console) -> None:
    total = len(plans) * runs * len(specs)
    columns = (TextColumn("[bold]audit[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    audit.completed = {plan.name: 0 for plan in plans}
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(profile.name, total=total)
        for plan in plans:
            live = session.ensure_started(plan.name)
            if live.instance is not None:
                live.instance = _wrap(live, plan, profile, workdir, plugin)
            else:
                audit.offline[plan.name] = live.offline_reason or "did not start"
            info["targets"][plan.name] = configuration(plan, live, plugin, session.root)
            session.store.set_run_info(session.run_id, audit=info)
            wrapper = live.instance if isinstance(live.instance, AuditTarget) else None
            if wrapper is not None and wrapper.boot is not None:
                wrapper.inner.stop()  # identity and capabilities are known; runs boot their own
            for repeat in range(1, runs + 1):
                if wrapper is not None and plan.restart_every and repeat > 1 \
                        and (repeat - 1) % plan.restart_every == 0 and wrapper.boot is None:
                    wrapper.restart()
                for spec in specs:
                    progress.update(task, description=f"{plan.name} run {repeat}/{runs} {spec.id}")
                    session.run_item(spec, plan.name, repeat_mode("bytecode", repeat))
                    progress.advance(task)
                audit.completed[plan.name] = repeat
            if live.instance is not None:
                live.instance.stop()  # an idle emulator under sleep=off still takes a host CPU


def _wrap(live: Any, plan: ProfileTarget, profile: Profile, workdir: Path,
          plugin: Path | None) -> AuditTarget:
    inner = live.instance
    boot = None
    if plan.restart == "boot":
        firmware = Path(getattr(inner, "firmware", ""))
        if not supports_boot_script(inner.kind, firmware):
            where, line = profile.where("targets", profile.targets.index(plan), "restart")
            raise HarnessError(f"restart: boot needs a qemu-microbit target booting a .hex image; "
                               f"{plan.name!r} is {inner.kind} with {firmware.name or 'no image'}",
                               where=where, line=line)
        extra = []
        if plugin is not None and plan.counts_instructions:
            extra = ["-plugin", f"{plugin},addr={MARKER_ADDRESS[inner.kind]:#x}"]
        folder = workdir / f"boot-{plan.name}"
        folder.mkdir(exist_ok=True)
        options = {k: v for k, v in inner.config.options.items() if k != "extra_args"}
        boot = BootRunner(TargetConfig(inner.name, inner.kind, options), firmware, folder, extra)
    return AuditTarget(inner, plan, workdir, plugin if plan.counts_instructions else None, boot)
