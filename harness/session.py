"""One run of the harness: rig, targets, reference, baselines and store, without pytest.

The pytest plugin, the CLI's benchmarks and the audits all drive specs through this.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from harness import __version__
from harness.baselines import Baseline, load_baseline
from harness.confirm import confirmed
from harness.errors import HarnessError
from harness.features import Feature, load_features
from harness.firmware.check import FirmwareCheck, FirmwareRefusal, FirmwareUnavailable
from harness.hardware import Bench
from harness.labops import LabOps, attempt_entry, offline_outcome
from harness.records import FAILING, Expected, Judgement, Outcome, Result, RunRecord, Spec, Verdict
from harness.reference import for_cache
from harness.rig import Rig, RigTarget
from harness.store import Store, new_run_id
from harness.targets import Target, create_target
from harness.targets.base import Capabilities
from harness.verdict import SKIP_OUTPUT, combine_attempts, is_documented, judge

log = logging.getLogger("harness.session")


@dataclass
class LiveTarget:
    """A rig target and, once started, its running instance."""

    rig_target: RigTarget
    baseline: Baseline
    instance: Target | None = None
    identity: dict | None = None
    capabilities: Capabilities | None = None
    offline_reason: str | None = None  # set when the target cannot start or was taken offline


# Targets running at once: an emulator busy in a spec that hangs (two of them, say) took both
# cores, and CPython and Node specs beside them ran into their 10 s timeouts. Emulators wait
# for the host targets instead; their time is their own (-icount) or only runs later.
EMULATOR_NICE = 5


class SessionClosed(HarnessError):
    """A thread's item finished after the run ended (targets running at once)."""


class Session:
    def __init__(
        self,
        root: Path,
        rig: Rig,
        target_names: list[str] | None = None,
        run_id: str | None = None,
        store: Store | None = None,
        record_run: bool = True,
        argv: list[str] | None = None,
        allow_firmware_mismatch: bool = False,
    ):
        self.root = root
        self.rig = rig
        # A target whose firmware is not the rig's expected image refuses the run.
        self.firmware = FirmwareCheck(root, allow_firmware_mismatch, where=str(rig.path))
        self.features: dict[str, Feature] = load_features(root / "conformance" / "features.yaml")
        self.reference = for_cache(root / ".harness-cache" / "reference")  # maybe started early
        self.targets: dict[str, LiveTarget] = {}
        self._awake: str | None = None  # the target the session works with now (``focus``)
        # Targets running at once, each on a thread of its own (harness.concurrency): what they
        # share (store, lab operations, firmware checks) is used under ``_guard``; their runs,
        # where the time goes, are not.
        self.concurrent = False
        self.closing = False  # set when the run ends under running threads: nothing more is stored
        self._guard = threading.RLock()
        self._lanes: dict[str, list[LiveTarget]] = {}  # target -> its instances, when several
        for rig_target in rig.select(target_names):
            path = root / "conformance" / "baselines" / f"{rig_target.baseline}.yaml"
            self.targets[rig_target.name] = LiveTarget(rig_target, load_baseline(path, rig_target.name))
        self.store = store or Store(rig.database)
        self.run_id = run_id or new_run_id()
        # Scopes wired to targets' pins; a bad instrument entry stops the run here.
        self.bench = Bench(rig.raw, rig.path, rig.targets, rig.results, self.run_id)
        self.retries = rig.retries
        self.lab = LabOps(root, rig, self.store, self.run_id)  # health, flakiness, quarantine
        if record_run:
            self.store.begin_run(
                RunRecord(self.run_id, rig.name, __version__, {}, time.time()), argv=argv
            )

    # -- targets ----------------------------------------------------------------------
    def live(self, name: str, lane: int = 0) -> LiveTarget:
        """A target of the run; ``lane`` N > 0: its (N+1)th instance, where a concurrent run
        splits a long target's specs over several of its emulators (harness.concurrency)."""
        try:
            first = self.targets[name]
        except KeyError:
            raise HarnessError(f"unknown target {name!r} (selected: {', '.join(self.targets)})")
        if lane == 0:
            return first
        lanes = self._lanes.setdefault(name, [first])
        while len(lanes) <= lane:
            lanes.append(LiveTarget(first.rig_target, first.baseline))
        return lanes[lane]

    def _all_live(self) -> list[LiveTarget]:
        extra = [live for lanes in self._lanes.values() for live in lanes[1:]]
        return [*self.targets.values(), *extra]

    def shared(self) -> contextlib.AbstractContextManager:
        """Held while a thread uses what the targets share (see ``concurrent``)."""
        return self._guard if self.concurrent else contextlib.nullcontext()

    def focus(self, name: str, lane: int = 0) -> None:
        """Pause every other started target and resume this one: an emulator waiting for
        input spins a host core (harness.targets.qemu), which the running target needs.
        Targets running at once: only resume this one (``_rest`` pauses it after each spec)."""
        if self.concurrent:
            current = self.live(name, lane)
            if current.instance is not None:
                current.instance.resume()
            return
        if self._awake == name:
            return
        for other, live in self.targets.items():
            if other != name and live.instance is not None:
                live.instance.pause()
        current = self.targets.get(name)
        if current is not None and current.instance is not None:
            current.instance.resume()
        self._awake = name

    def _rest(self, live: LiveTarget) -> None:
        """Pause the target between its specs too: an idle emulator would spin a core while
        the harness judges and stores (a parallel run's other worker needs that core)."""
        if live.instance is not None:
            live.instance.pause()
            self._awake = None

    def ensure_started(self, name: str, lane: int = 0) -> LiveTarget:
        self.focus(name, lane)
        live = self.live(name, lane)
        if live.instance is None and live.offline_reason is None:
            with self.shared():
                try:
                    config, image = self.firmware.resolve(live.rig_target.config)
                except FirmwareUnavailable as err:
                    self.take_offline(live, str(err))
                    return live
            instance = create_target(config)
            try:  # booting and probing, the slow part, while other targets go on
                instance.start()
                if self.concurrent:
                    instance.yield_cpu(EMULATOR_NICE)
                identity = instance.identity().as_dict()
                with self.shared():
                    live.identity = self.firmware.check(name, identity, image)
                live.capabilities = instance.capabilities()
            except FirmwareRefusal:  # not the expected firmware: the run stops (plugin)
                instance.stop()
                raise
            except HarnessError as err:
                instance.stop()
                with self.shared():
                    self.take_offline(live, str(err))
                return live
            except Exception as err:  # a target that cannot start must not stop the others
                instance.stop()
                with self.shared():
                    self.take_offline(live, f"could not start: {type(err).__name__}: {err}")
                return live
            live.instance = instance
            with self.shared():
                self.store.update_run_targets(self.run_id, name, live.identity)
                unhealthy = self.lab.health.probe(name, instance)  # before its first spec
                if unhealthy:
                    self.take_offline(live, unhealthy)
        return live

    def take_offline(self, live: LiveTarget, why: str, spec_id: str | None = None) -> None:
        """Take a target out of the run: its remaining specs are NOT-RUN; recorded in run info."""
        live.offline_reason = why
        if live.instance is not None:
            try:
                live.instance.stop()
            except Exception as err:  # it is going away anyway
                log.warning("stopping %s: %s", live.rig_target.name, err)
            live.instance = None
        self.lab.record_offline(live.rig_target.name, why, spec_id)

    # -- running ----------------------------------------------------------------------
    def precheck(self, spec: Spec, live: LiveTarget) -> Outcome | None:
        """An outcome decided without running: offline target, missing capability."""
        if live.offline_reason:
            return offline_outcome(live.offline_reason)
        if spec.targets and not ({live.rig_target.kind, live.rig_target.name} & set(spec.targets)):
            return Outcome(unsupported=f"spec runs only on {', '.join(spec.targets)}")
        caps = live.capabilities
        if caps is not None:
            missing = [m for m in spec.requires if not self.lab.capabilities.has(
                live.rig_target.name, live.instance, caps, live.rig_target.capabilities, m)]
            if missing:
                what = "module " if "." not in missing[0] else ""
                return Outcome(unsupported=f"target lacks {what}{missing[0]!r} (probed)")
        return None

    def run_item(self, spec: Spec, target_name: str, mode: str = "bytecode",
                 upcoming: tuple[Spec, str, str] | None = None, lane: int = 0) -> Result:
        """Run one (spec, target, mode) item, judge it and store the result at once.

        ``upcoming`` is the item that runs next (spec, target, mode), if known: a target
        that can (``send_ahead``) starts it as soon as this one's outcome is final. ``lane``:
        which instance of the target runs it (see ``live``).
        """
        started = time.time()
        attempts: tuple[dict, ...] = ()
        live = self.ensure_started(target_name, lane)
        entry = live.baseline.lookup(spec, mode)
        with self.shared():
            outcome = self.precheck(spec, live)
        expected = None
        if outcome is None:
            expected = self.reference.expected(spec)
            outcome = _unjudgeable_foreign(spec, expected)
        ran = outcome is None
        if outcome is not None:
            judgement = judge(expected, outcome, entry, live.capabilities)
        elif getattr(live.instance, "integrity", False):  # a lossy link: confirm answers
            instance = live.instance
            judgement, outcome, tried = confirmed(
                lambda: self.bench.run(spec, instance, target_name, mode),
                lambda got: judge(expected, got, entry, live.capabilities))
            attempts = tuple(attempt_entry(j, o) for j, o in tried)
        else:
            judgements: list[Judgement] = []
            outcomes: list[Outcome] = []
            for _attempt in range(1 + self.retries + 1):
                assert live.instance is not None
                try:
                    outcome = self.bench.run(spec, live.instance, target_name, mode)
                except Exception as err:  # a target must not raise; if it does, the link failed
                    log.warning("%s: %s raised %s: %s", target_name, spec.id, type(err).__name__, err)
                    outcome = Outcome(link_failed=True, detail=f"{type(err).__name__}: {err}")
                outcomes.append(outcome)
                judgements.append(judge(expected, outcome, entry, live.capabilities))
                verdict = judgements[-1].verdict
                # INFRA always gets one more try; other failures as many as the rig allows.
                budget = self.retries + (1 if verdict is Verdict.INFRA else 0)
                documented = is_documented(verdict, judgements[-1].reason)  # a known hang: no retry
                if verdict not in FAILING or documented or len(judgements) > budget:
                    break
            judgement = combine_attempts(judgements)
            outcome = _with_attempts(outcomes[-1], len(outcomes))
            attempts = tuple(attempt_entry(j, o) for j, o in zip(judgements, outcomes, strict=True))
        with self.shared():
            why = self.lab.health.after(target_name, judgement.verdict, judgement.reason,
                                        live.instance) if ran else None
            if why:  # the target is unwell: out of the run; a spec the link lost never ran
                self.take_offline(live, why, spec.id)
                if judgement.verdict is Verdict.INFRA:
                    judgement = Judgement(Verdict.NOT_RUN, f"target taken offline: {why}")
        if upcoming is not None and ran and not getattr(live.instance, "integrity", False):
            self._send_ahead(live, *upcoming)
        self._rest(live)  # done with the target for this spec: an idle emulator spins meanwhile
        result = Result(
            run_id=self.run_id,
            spec_id=spec.id,
            feature=spec.feature,
            target=target_name,
            mode=mode,
            verdict=judgement.verdict,
            reason=judgement.reason,
            outcome=outcome,
            expected=expected,
            baseline_reason=judgement.baseline.reason if judgement.baseline else None,
            identity=live.identity or {},
            started=started,
            finished=time.time(),
            tags=spec.tags,
            content_hash=spec.content_hash,
            attempt_log=attempts,
        )
        with self.shared():
            if self.closing:  # the run ended under this thread (an interrupt): keep nothing half-done
                raise SessionClosed(f"{spec.id} on {target_name}: the run ended")
            result = self.lab.finish(result, entry)
            self.store.add_result(result)
        return result

    def _send_ahead(self, live: LiveTarget, spec: Spec, target_name: str, mode: str) -> None:
        """Start the next item's run on the target, if it will surely run there as it is."""
        send = getattr(live.instance, "send_ahead", None)
        if send is None or target_name != live.rig_target.name or spec.hardware_path is not None:
            return
        with self.shared():
            if self.precheck(spec, live) is not None:
                return
        if spec.foreign and spec.expected_path is None:
            # Only when its reference is known and judgeable: one CPython could not run
            # (a hang, say) is never started on the target.
            expected = self.reference.ready(spec)
            if expected is None or _unjudgeable_foreign(spec, expected) is not None:
                return
        send(spec, mode)

    def close(self, finish: bool = True) -> None:
        self.bench.close()  # before the targets: the virtual scope reads their GPIO
        for live in self._all_live():
            if live.instance is not None:
                try:
                    live.instance.stop()
                except Exception as err:  # stopping one target must not leave the others
                    log.warning("stopping %s: %s", live.rig_target.name, err)
                live.instance = None
        self.reference.close()
        self.lab.close()
        stats = self.reference.stats
        self.store.add_run_counts(
            self.run_id,
            "reference",
            {"cached": stats.cached, "computed": stats.computed, "sidecar": stats.sidecar},
        )
        stats.cached = stats.computed = stats.sidecar = 0
        if finish:
            self.store.finish_run(self.run_id)


def _unjudgeable_foreign(spec: Spec, expected: Expected) -> Outcome | None:
    """A foreign test that CPython cannot run, with no .exp, has no reference to judge by."""
    if not spec.foreign or expected.source == "exp":
        return None
    if expected.timed_out or expected.exception or expected.exit_code or expected.stdout == SKIP_OUTPUT:
        how = "timed out" if expected.timed_out else f"ended with {expected.exception or expected.exit_code}"
        if expected.stdout == SKIP_OUTPUT:
            how = "skipped it"
        return Outcome(unsupported=f"no reference: CPython {how} and there is no .exp file")
    return None


def _with_attempts(outcome: Outcome, attempts: int) -> Outcome:
    from dataclasses import replace

    return replace(outcome, attempts=attempts)
