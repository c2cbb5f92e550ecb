"""The pytest plugin: each (spec, target, mode) is an item; everything else is library code.

Collection turns spec files into items, ``runtest`` hands the item to the Session,
and the end of the session renders reports from the store.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from harness.errors import HarnessError
from harness.features import Feature, check_spec_features, load_features
from harness.project import find_root
from harness.records import Result, Spec, item_label
from harness.rig import Rig, load_rig, parse_modes
from harness.spec import is_spec_file, recall
from harness.verdict import failure_text, item_outcome

DEFAULT_RIG = "rigs/local.yaml"
RUN_ID_ENV = "HARNESS_RUN_ID"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("harness", "micropython-harness")
    group.addoption("--harness-targets", default=None, metavar="TARGETS",
                    help="targets of the rig to run on: names, globs and filters kind=K, name=GLOB, "
                         "has=CAPABILITY, comma-separated (default: all; see harness.selection)")
    group.addoption("--harness-rig", default=None, metavar="RIG",
                    help=f"rig file or name (default: {DEFAULT_RIG})")
    group.addoption("--harness-out", default=None, metavar="DIR",
                    help="folder for reports and the results database (default: the rig's)")
    group.addoption("--harness-suite", action="append", default=[], metavar="PATH",
                    help="a foreign suite: a folder of MicroPython-style tests (.py, optional .py.exp)")
    group.addoption("--harness-run-id", default=None, metavar="ID",
                    help="record results under this run id (default: a new one)")
    group.addoption("--harness-resume", action="store_true", default=False,
                    help="continue the rig's latest unfinished run (or --harness-run-id): items "
                         "already stored are taken from the store, the others run")
    group.addoption("--harness-allow-firmware-mismatch", action="store_true", default=False,
                    help="run targets whose firmware is not the rig's expected image (recorded)")
    group.addoption("--harness-modes", default=None, metavar="MODES",
                    help="run modes on every chosen target, comma-separated (bytecode, native, "
                         "viper, mpy), instead of each target's `modes:` in the rig")
    group.addoption("--harness-last-failed", action="store_true", default=False,
                    help="run only the items that did not pass (PASS or KNOWN-DIFF) in the rig's "
                         "last stored run")
    group.addoption("--harness-store-reports", action="store_true", default=False,
                    help="write --alluredir's and --junitxml's files from the store when the session "
                         "ends, in one pass, instead of by allure-pytest's and pytest's per-test hooks "
                         "(harness run does)")
    group.addoption("--harness-concurrent", action="store_true", default=False,
                    help="run every target at once, each on a thread of this process "
                         "(harness.concurrency)")
    group.addoption("--harness-parallel", action="store_true", default=False,
                    help="with -n N: one worker per board, other targets spread (harness.parallel)")
    parser.addini("harness_specs", "folders whose .py files are specs", type="args",
                  default=["specs"])


class SpecFailed(Exception):
    """Raised by an item whose verdict fails the run."""

    def __init__(self, result: Result):
        super().__init__(f"{result.verdict.value}: {result.reason}")
        self.result = result


@dataclass
class HarnessState:
    config: pytest.Config
    root: Path
    spec_roots: list[Path]
    run_id: str
    _rig: Rig | None = None
    _features: dict[str, Feature] | None = None
    _session: Any = None
    item_count: int = 0
    extra_roots: list[Path] = field(default_factory=list)
    markers: set[str] = field(default_factory=set)
    resume: bool = False
    firmware_skipped: dict[str, str] | None = None
    resume_info: dict[str, int] = field(default_factory=dict)
    _replay: Any = None
    _targets: list[str] | None = None
    last_failed: tuple[str, int, int] | None = None  # (run, items kept, items that did not pass)
    _quarantine_checked: bool = False
    offline_told: set[str] = field(default_factory=set)  # targets whose going offline was shown
    # --harness-store-reports: where the Allure results and the JUnit file go at the end.
    allure_dir: Path | None = None
    allure_clean: bool = False
    junit_path: Path | None = None
    _allure_writer: Any = None
    feed: Any = None  # an xdist controller's StoreFeed: stored rows to the Allure writer
    threads: Any = None  # --harness-concurrent: harness.concurrency.TargetThreads

    def register_marker(self, name: str) -> None:
        if name not in self.markers:
            self.markers.add(name)
            self.config.addinivalue_line("markers", f"{name}: harness feature, tag or target")

    # Everything is loaded on first use, so the plugin costs nothing in runs without specs.
    def rig(self) -> Rig:
        if self._rig is None:
            name = self.config.getoption("harness_rig") or DEFAULT_RIG
            rig = load_rig(name, self.root)
            out = self.config.getoption("harness_out")
            if out:
                out_dir = Path(out).resolve()
                database = rig.database if rig.raw.get("database") else out_dir / "harness.sqlite"
                rig = Rig(rig.name, rig.path, rig.targets, out_dir, database, rig.retries, rig.raw)
            self._rig = rig
        return self._rig

    def target_names(self) -> list[str]:
        if self._targets is None:
            chosen = (getattr(self.config, "workerinput", None) or {}).get("harness_targets")
            self._targets = list(chosen) if chosen is not None else self._choose_targets()
        return self._targets

    def _choose_targets(self) -> list[str]:
        from harness.firmware.check import skip_unavailable
        from harness.selection import live_probe, parse, select, static_select

        rig = self.rig()
        selection = parse(self.config.getoption("harness_targets"))
        chosen = [t.name for t in static_select(rig, selection)]
        # Targets whose image is not here (e.g. not built): left out, unless named one by one.
        explicit = bool(selection and selection.explicit)
        self.firmware_skipped = skip_unavailable(self.root, rig, chosen, explicit)
        candidates = [rig.targets[n] for n in chosen if n not in self.firmware_skipped]
        return select(rig, selection, live_probe(self.root, rig), candidates)

    def check_quarantine(self) -> None:
        """An expired quarantine entry stops the run (once, before anything runs)."""
        if not self._quarantine_checked:
            self._quarantine_checked = True
            from harness.quarantine import load_quarantine

            load_quarantine(self.root, check_expiry=True)

    def features(self) -> dict[str, Feature]:
        if self._features is None:
            self._features = load_features(self.root / "conformance" / "features.yaml")
        return self._features

    def session(self):
        if self._session is None:
            from harness.session import Session

            self._session = Session(self.root, self.rig(), self.target_names(), run_id=self.run_id,
                                    argv=list(self.config.invocation_params.args),
                                    allow_firmware_mismatch=self.config.getoption(
                                        "harness_allow_firmware_mismatch"))
        return self._session

    def stored(self, item: SpecItem) -> tuple[Result, dict] | None:
        """A resumed run's stored result of the item, when it need not run again."""
        if not self.resume:
            return None
        if self._replay is None:
            from harness.resume import Replay

            self._replay = Replay(self.session().store, self.run_id)
        return self._replay.stored(item.spec, item.target, item.mode)

    def allure_writer(self) -> Any:
        """The process writing the Allure result files of ``--harness-store-reports``."""
        if self._allure_writer is None:
            from harness.report.allure_writer import AllureWriterProcess

            try:
                self._allure_writer = AllureWriterProcess(self.allure_dir, [self.rig().results, self.root],
                                                          clean=self.allure_clean)
            except OSError as err:
                _fatal(HarnessError(f"cannot write the Allure results: {err}", where=self.allure_dir))
        return self._allure_writer

    def start_reports(self, from_store: bool = False) -> None:
        """Once the run has items: the Allure writer and the dashboard's imports get going, so
        both are ready when the rows come. ``from_store``: an xdist controller, whose rows are
        those its workers store."""
        if self.allure_dir is not None:
            writer = self.allure_writer()  # started now: it is ready when the run's rows come
            if from_store:
                from harness.report.allure_writer import StoreFeed

                self.feed = StoreFeed(writer, self.rig().database, self.run_id)
        from harness.report.dashboard import prepare_in_background

        prepare_in_background()

    def root_of(self, path: Path) -> Path | None:
        for root in self.extra_roots + self.spec_roots:
            if path.is_relative_to(root):
                return root
        return None


STATE = pytest.StashKey[HarnessState]()


@pytest.hookimpl(tryfirst=True)  # before allure-pytest's and junitxml's, which it may turn off
def pytest_configure(config: pytest.Config) -> None:
    root = find_root(config.rootpath)
    base = config.inipath.parent if config.inipath else root
    spec_roots = [(base / p).resolve() for p in config.getini("harness_specs")]
    workerinput = getattr(config, "workerinput", None)
    run_id = (
        config.getoption("harness_run_id")
        or (workerinput or {}).get("harness_run_id")
        or os.environ.get(RUN_ID_ENV)
    )
    if not run_id:
        from harness.store import new_run_id

        run_id = new_run_id()
    config.stash[STATE] = HarnessState(config, root, spec_roots, run_id)
    config.stash[STATE].extra_roots = [Path(p).resolve() for p in config.getoption("harness_suite")]
    config.stash[STATE].resume = bool(config.getoption("harness_resume"))
    if config.getoption("harness_store_reports"):
        _take_over_reports(config, config.stash[STATE])
    if config.stash[STATE].resume and workerinput is None:
        _resume_run(config.stash[STATE], config.getoption("harness_run_id") or os.environ.get(RUN_ID_ENV))
    features_file = root / "conformance" / "features.yaml"
    if features_file.exists():
        try:
            for fid in load_features(features_file):
                parts = fid.split(".")
                for n in range(1, len(parts) + 1):
                    config.stash[STATE].register_marker(".".join(parts[:n]))
        except HarnessError:
            pass  # reported with its line when a spec is collected
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(_XdistHooks(config), "harness-xdist")
        from harness.parallel import ParallelHooks

        state = config.stash[STATE]
        config.pluginmanager.register(ParallelHooks(state.rig, lambda: state.run_id), "harness-parallel")


def _take_over_reports(config: pytest.Config, state: HarnessState) -> None:
    """Keep ``--alluredir`` and ``--junitxml`` for the end of the session, and switch off the
    per-test writers (allure-pytest's listener, pytest's LogXML), which then never start."""
    allure_dir = getattr(config.option, "allure_report_dir", None)
    if allure_dir:
        state.allure_dir = Path(os.path.abspath(allure_dir))
        state.allure_clean = bool(getattr(config.option, "clean_alluredir", False))
        config.option.allure_report_dir = None
    junit = getattr(config.option, "xmlpath", None)
    if junit:
        state.junit_path = Path(os.path.abspath(os.path.expanduser(junit)))
        config.option.xmlpath = None


def _resume_run(state: HarnessState, run_id: str | None) -> None:
    """Take the id of the run to continue (xdist workers get it from the controller)."""
    from harness.resume import run_to_resume
    from harness.store import Store

    try:
        rig = state.rig()
        store = Store(rig.database)
        try:
            state.run_id = run_to_resume(store, rig.name, run_id)
        finally:
            store.close()
    except HarnessError as err:
        _fatal(err)


class _XdistHooks:
    """Hand the controller's run id to every worker, so all results land in one run; on the
    controller, get the reports going as the workers' results come."""

    def __init__(self, config: pytest.Config):
        self.config = config
        self.started = False

    @pytest.hookimpl(optionalhook=True)
    def pytest_configure_node(self, node: Any) -> None:
        state = node.config.stash[STATE]
        node.workerinput["harness_run_id"] = state.run_id
        try:  # chosen once (a has= filter starts targets to probe them), not by every worker
            node.workerinput["harness_targets"] = state.target_names()
        except HarnessError as err:
            _fatal(err)

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node: Any, error: Any) -> None:
        # The controller collects nothing itself: the workers say whether there were specs,
        # so it finishes the run and writes the reports.
        output = getattr(node, "workeroutput", None) or {}
        node.config.stash[STATE].item_count += int(output.get("harness_items", 0))

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node: Any, ids: list[str]) -> None:
        if ids and not self.started and not self.config.option.collectonly:
            self.started = True
            self.config.stash[STATE].start_reports(from_store=True)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        feed = self.config.stash[STATE].feed
        if feed is not None and report.when == "teardown":
            feed.poll()


def _fatal(err: HarnessError) -> None:
    pytest.exit(str(err), returncode=HarnessError.exit_code)


def _spec_file(file_path: Path, parent: pytest.Collector) -> SpecFile | None:
    state = parent.config.stash.get(STATE, None)
    if state is None or not is_spec_file(file_path) or state.root_of(file_path) is None:
        return None
    return SpecFile.from_parent(parent, path=file_path)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if parent.session.isinitpath(file_path):
        return None  # named on the command line: pytest's python plugin asks makemodule below
    return _spec_file(file_path, parent)


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makemodule(module_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """A spec named on the command line is a spec, not a test module to import."""
    return _spec_file(module_path, parent)


class SpecFile(pytest.File):
    def collect(self):
        state: HarnessState = self.config.stash[STATE]
        try:
            targets = state.target_names()
            rig = state.rig()
            features = state.features()
            state.check_quarantine()
            chosen = state.config.getoption("harness_modes")
            modes = parse_modes(chosen) if chosen else None
        except HarnessError as err:
            _fatal(err)
        root = state.root_of(self.path)
        spec = recall(self.path, root, foreign=root in state.extra_roots)  # read by `harness run`?
        check_spec_features([spec], features)
        feature_parts = spec.feature.split(".")
        for target in targets:
            for mode in modes or rig.targets[target].modes:
                label = item_label(target, mode)
                item = SpecItem.from_parent(self, name=f"{self.path.stem}[{label}]", spec=spec,
                                            target=target, mode=mode)
                prefixes = [".".join(feature_parts[:n]) for n in range(1, len(feature_parts) + 1)]
                for word in (*prefixes, *spec.tags, target, f"mode_{mode}"):
                    state.register_marker(word)
                    item.add_marker(word)
                state.item_count += 1
                yield item

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None) -> str:
        if isinstance(excinfo.value, HarnessError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class SpecItem(pytest.Item):
    def __init__(self, *, spec: Spec, target: str, mode: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.spec = spec
        self.target = target
        self.mode = mode
        self.result: Result | None = None
        self.row: dict[str, Any] | None = None  # the stored result, when reports need it
        self.offline_note: str | None = None  # its target was taken out of the run under it
        self.upcoming: SpecItem | None = None  # the item pytest runs after this one
        self.future: Any = None  # its Result, from its target's thread (harness.concurrency)

    def runtest(self) -> None:
        state: HarnessState = self.config.stash[STATE]
        stored = state.stored(self) if self.future is None else None
        if stored is not None:
            result, self.row = stored
        else:
            from harness.firmware.check import FirmwareRefusal

            try:
                if self.future is not None:
                    result = self.future.result()  # run by its target's thread
                else:
                    nxt = self.upcoming if not state.resume else None  # a resumed item may not run
                    upcoming = (nxt.spec, nxt.target, nxt.mode) if nxt is not None else None
                    result = state.session().run_item(self.spec, self.target, self.mode, upcoming)
            except FirmwareRefusal as err:  # not the rig's firmware: stop the whole run
                _fatal(err)
        self.result = result
        if state.allure_dir is not None and state._allure_writer is not None:
            from harness.store import result_row  # its files are written while the run goes on

            state._allure_writer.add(self.row if self.row is not None else result_row(result))
        _allure_item(self, state)
        self.user_properties.append(("verdict", result.verdict.value))
        live = state._session.targets.get(self.target) if state._session is not None else None
        if live is not None and live.offline_reason and self.target not in state.offline_told:
            state.offline_told.add(self.target)  # told once, as it happens (makereport)
            self.offline_note = f"target {self.target} taken out of the run: {live.offline_reason}"
        # Quarantined: an expected failure; a documented hang or crash, UNSUPPORTED...: skipped.
        kind, message = item_outcome(result.verdict, result.reason, result.quarantine)
        if kind == "xfailed":
            pytest.xfail(message)
        if kind == "skipped":
            pytest.skip(message)
        if kind == "failed":
            raise SpecFailed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None) -> str:
        if isinstance(excinfo.value, SpecFailed):
            result = excinfo.value.result
            expected = result.expected.stdout if result.expected is not None else None
            return failure_text(result.verdict.value, result.reason, expected, result.outcome.stdout,
                                result.outcome.stderr)
        if isinstance(excinfo.value, HarnessError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.spec.id} on {self.target} ({self.mode})"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    if isinstance(item, SpecItem):  # so its target can start the next one early
        item.upcoming = nextitem if isinstance(nextitem, SpecItem) else None


def _allure_item(item: SpecItem, state: HarnessState) -> None:
    """Fill the item's Allure result from its stored row (when allure-pytest is on)."""
    from harness.report import allure as allure_report

    if not allure_report.active(item.config):
        return
    if item.row is None:
        item.row = state.session().store.result(state.run_id, item.spec.id, item.target, item.mode)
    if item.row is not None:
        allure_report.decorate(item.row, [state.rig().results, state.root])


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Any:
    yield
    # After allure-pytest's own wrapper: its status comes from pytest's outcome, ours from the verdict.
    note = getattr(item, "offline_note", None)
    reporter = item.config.pluginmanager.get_plugin("terminalreporter")
    if call.when == "call" and note and reporter is not None:
        reporter.write_line(f"harness: {note}", yellow=True, bold=True)
    row = getattr(item, "row", None)
    if call.when == "call" and row is not None and isinstance(item, SpecItem):
        from harness.report.allure import active, set_status

        if active(item.config):
            set_status(item.config, row)


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                   items: list[pytest.Item]) -> None:
    """``--harness-last-failed``: keep only the items that did not pass in the rig's last run."""
    state = config.stash.get(STATE, None)
    if state is None or not config.getoption("harness_last_failed"):
        return
    if not any(isinstance(item, SpecItem) for item in items):
        return
    from harness.lastfailed import last_failed
    from harness.store import Store

    rig = state.rig()
    if not rig.database.exists():
        _fatal(HarnessError("--last-failed: nothing has run on this rig yet", where=rig.database))
    store = Store(rig.database)
    try:
        run, failed = last_failed(store, rig.name, state.run_id)
    except HarnessError as err:
        _fatal(err)
    finally:
        store.close()
    keep = [i for i in items if not isinstance(i, SpecItem) or (i.spec.id, i.target, i.mode) in failed]
    dropped = [i for i in items if i not in keep]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
    state.last_failed = (run["id"], sum(isinstance(i, SpecItem) for i in keep), len(failed))


def pytest_collection_finish(session: pytest.Session) -> None:
    state = session.config.stash.get(STATE, None)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    specs = [item.spec for item in session.items if isinstance(item, SpecItem)]
    collecting_only = session.config.option.collectonly
    if state is not None and specs and not hasattr(session.config, "workerinput") and not collecting_only:
        # New specs' references on two CPython fork servers, in the background as the targets run.
        state.session().reference.prefetch(specs)
        state.start_reports()
        if session.config.getoption("harness_concurrent"):
            _start_target_threads(session, state)
    elif state is not None and not collecting_only and any(s.hardware_path for s in specs):
        from harness.imports import import_in_background

        # An xdist worker that may draw a scope check's waveforms (harness.instruments.plot):
        # 0.7 s its first check otherwise spent before it could draw.
        import_in_background("matplotlib.figure", "matplotlib.backends.backend_agg",
                             thread="plot-imports")
    if state is not None and state.firmware_skipped and reporter is not None:
        from harness.firmware.check import skip_line

        reporter.write_line(skip_line(state.firmware_skipped))
    if state is not None and state.last_failed and reporter is not None:
        run_id, kept, failed = state.last_failed
        reporter.write_line(f"last failed: {kept} item(s) of the {failed} that did not pass in run {run_id}")


def _start_target_threads(session: pytest.Session, state: HarnessState) -> None:
    """--harness-concurrent: every target's items on threads of their own (harness.concurrency)."""
    from harness.concurrency import TargetThreads

    # Items a resumed run takes from the store are not run again.
    items = [i for i in session.items if isinstance(i, SpecItem) and state.stored(i) is None]
    rig = state.rig()
    # Emulators may get more instances; a board is one device, and host targets are quick.
    emulators = {name for name, t in rig.targets.items()
                 if t.kind.startswith("qemu") and not t.is_exclusive}
    state.threads = TargetThreads(state.session(), items, emulators)
    state.threads.start()


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """Before allure-pytest's configure: its result files are written by a thread (allure_files)."""
    if getattr(config.option, "allure_report_dir", None) and not config.getoption("harness_store_reports"):
        from harness.report.allure_files import write_in_background

        config.stash[_ALLURE_UNDO] = write_in_background()


def pytest_unconfigure(config: pytest.Config) -> None:
    state = config.stash.get(STATE, None)
    if state is not None and state.feed is not None:
        state.feed.close()
    if state is not None and state._allure_writer is not None:  # the session wrote no reports
        state._allure_writer.kill()
        state._allure_writer = None
    undo = config.stash.get(_ALLURE_UNDO, None)
    if undo is not None:
        from harness.report.allure_files import flush

        flush()  # anything reported after the session finished
        undo()
    if state is not None and hasattr(config, "workerinput"):
        import gc

        # An xdist worker's process ends next (as `harness run`'s does, which does the same):
        # its interpreter's last collections over the run's objects took 0.5 s, during which
        # the controller waited to finish.
        gc.freeze()


_ALLURE_UNDO = pytest.StashKey[Any]()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if session.config.stash.get(_ALLURE_UNDO, None) is not None:
        from harness.report.allure_files import flush

        flush()  # every item's Allure files are on disk before anything reads them
    state = session.config.stash.get(STATE, None)
    if state is None:
        return
    is_worker = hasattr(session.config, "workerinput")
    # An interrupted run stays unfinished, so `--resume` can continue it.
    finish = exitstatus != pytest.ExitCode.INTERRUPTED
    if state.threads is not None:
        state.threads.stop()  # before the targets stop: the threads use them
    if state._session is not None:
        if state._replay is not None:
            state._session.store.add_run_counts(state.run_id, "resume", {"replayed": state._replay.replayed})
        state._session.close(finish=finish and not is_worker)
    if is_worker:
        session.config.workeroutput["harness_items"] = state.item_count  # type: ignore[attr-defined]
        return
    if state._session is None and state.item_count == 0:
        return
    _write_reports(session.config, state, finish)


def _write_reports(config: pytest.Config, state: HarnessState, finish: bool = True) -> None:
    from harness.report.matrix import build_matrix, write_matrix
    from harness.store import Store

    rig = state.rig()
    store = state._session.store if state._session is not None else Store(rig.database)
    if store.run(state.run_id) is None:
        return
    if finish:
        store.finish_run(state.run_id)
    if state.resume:
        store.add_run_counts(state.run_id, "resume", {"resumes": 1})
    from harness.report.matrix_page import write_pages

    rows = store.results(state.run_id)  # read once: every report below renders these
    matrix = build_matrix(store, state.run_id, state.features(), rows)
    write_matrix(matrix, rig.results)
    # Allure's files are written by a process of their own while the rest renders here.
    allure_files = None
    if state.allure_dir is not None:
        allure_files = state.allure_writer()
        allure_files.send(rows)
        allure_files.wait_ready()  # the folder is its own now: the run-wide files go in after
    try:
        write_pages(store, state.run_id, matrix, rig.results, rows)
        if state.junit_path is not None:
            from harness.report.junit import write_junit

            write_junit(rows, state.junit_path, store.run(state.run_id)["started"],
                        config.getini("junit_suite_name"))
        config.stash[_MATRIX] = (matrix, rows)
        _write_history_reports(config, state, store, rows)
    finally:
        if allure_files is not None:
            state._allure_writer = None
            try:
                allure_files.finish()
            except HarnessError as err:
                _fatal(err)


def _write_history_reports(config: pytest.Config, state: HarnessState, store: Any,
                           rows: list[dict[str, Any]] | None = None) -> None:
    """Allure's run-wide files and the dashboard (every run of the rig), from the store."""
    from harness.report import allure as allure_report
    from harness.report.dashboard import write_dashboard

    run = store.run(state.run_id)
    state.resume_info = run["info"].get("resume", {})
    allure_dir = state.allure_dir or (Path(config.option.allure_report_dir)
                                      if allure_report.active(config) else None)
    if allure_dir is not None:
        allure_report.write_extras(allure_dir, run)
    write_dashboard(store, run["rig"], state.rig().results,
                    known={state.run_id: rows} if rows is not None else None)


_MATRIX = pytest.StashKey[tuple]()


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    found = config.stash.get(_MATRIX, None)
    if not found:
        return
    from harness.report.terminal import problem_rows, render_summary

    matrix, rows = found
    width = terminalreporter._tw.fullwidth
    terminalreporter.write_sep("=", "micropython-harness")
    terminalreporter.write(render_summary(matrix, problem_rows(rows), width=width,
                                          color=terminalreporter._tw.hasmarkup))
    from harness.report.labops import render_lab

    terminalreporter.write(render_lab(matrix, width=width, color=terminalreporter._tw.hasmarkup))
    state = config.stash[STATE]
    if state.resume:
        resume = state.resume_info
        terminalreporter.write_line(f"resumed run {state.run_id}: {resume.get('replayed', 0)} results "
                                    f"taken from the store over {resume.get('resumes', 1)} resume(s)")
    terminalreporter.write_line(f"matrix: {state.rig().results / 'matrix.json'}  run: {state.run_id}")
