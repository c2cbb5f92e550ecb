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
from harness.records import FAILING, SKIPPING, Result, Spec
from harness.rig import Rig, load_rig
from harness.spec import is_spec_file, load_spec
from harness.verdict import unified_diff

DEFAULT_RIG = "rigs/local.yaml"
RUN_ID_ENV = "HARNESS_RUN_ID"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("harness", "micropython-harness")
    group.addoption("--harness-targets", default=None, metavar="NAMES",
                    help="comma-separated targets of the rig to run on (default: all)")
    group.addoption("--harness-rig", default=None, metavar="RIG",
                    help=f"rig file or name (default: {DEFAULT_RIG})")
    group.addoption("--harness-out", default=None, metavar="DIR",
                    help="folder for reports and the results database (default: the rig's)")
    group.addoption("--harness-suite", action="append", default=[], metavar="PATH",
                    help="a foreign suite: a folder of MicroPython-style tests (.py, optional .py.exp)")
    group.addoption("--harness-run-id", default=None, metavar="ID",
                    help="record results under this run id (default: a new one)")
    parser.addini("harness_specs", "folders whose .py files are specs", type="args",
                  default=["specs"])


class SpecFailed(Exception):
    """Raised by an item whose verdict fails the run."""

    def __init__(self, result: Result):
        super().__init__(result.reason)
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
        option = self.config.getoption("harness_targets")
        names = [n.strip() for n in option.split(",") if n.strip()] if option else None
        return [t.name for t in self.rig().select(names)]

    def features(self) -> dict[str, Feature]:
        if self._features is None:
            self._features = load_features(self.root / "conformance" / "features.yaml")
        return self._features

    def session(self):
        if self._session is None:
            from harness.session import Session

            self._session = Session(self.root, self.rig(), self.target_names(), run_id=self.run_id,
                                    argv=list(self.config.invocation_params.args))
        return self._session

    def root_of(self, path: Path) -> Path | None:
        for root in self.extra_roots + self.spec_roots:
            if path.is_relative_to(root):
                return root
        return None


STATE = pytest.StashKey[HarnessState]()


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
        config.pluginmanager.register(_XdistHooks(), "harness-xdist")


class _XdistHooks:
    """Hand the controller's run id to every worker, so all results land in one run."""

    @pytest.hookimpl(optionalhook=True)
    def pytest_configure_node(self, node: Any) -> None:
        node.workerinput["harness_run_id"] = node.config.stash[STATE].run_id


def _fatal(err: HarnessError) -> None:
    pytest.exit(str(err), returncode=HarnessError.exit_code)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    state = parent.config.stash.get(STATE, None)
    if state is None or not is_spec_file(file_path) or state.root_of(file_path) is None:
        return None
    return SpecFile.from_parent(parent, path=file_path)


class SpecFile(pytest.File):
    def collect(self):
        state: HarnessState = self.config.stash[STATE]
        try:
            targets = state.target_names()
            rig = state.rig()
            features = state.features()
        except HarnessError as err:
            _fatal(err)
        root = state.root_of(self.path)
        spec = load_spec(self.path, root, foreign=root in state.extra_roots)
        check_spec_features([spec], features)
        feature_parts = spec.feature.split(".")
        for target in targets:
            for mode in rig.targets[target].modes:
                label = target if mode == "bytecode" else f"{target}-{mode}"
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

    def runtest(self) -> None:
        state: HarnessState = self.config.stash[STATE]
        self.result = result = state.session().run_item(self.spec, self.target, self.mode)
        self.user_properties.append(("verdict", result.verdict.value))
        if result.verdict in FAILING:
            raise SpecFailed(result)
        if result.verdict in SKIPPING:
            pytest.skip(f"{result.verdict.value}: {result.reason}")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None) -> str:
        if isinstance(excinfo.value, SpecFailed):
            result = excinfo.value.result
            lines = [f"{result.verdict.value}: {result.reason}"]
            if result.expected is not None and result.outcome.stdout != result.expected.stdout:
                lines.append(unified_diff(result.expected.stdout, result.outcome.stdout).rstrip())
            if result.outcome.stderr:
                lines.append("--- stderr ---\n" + result.outcome.stderr.rstrip()[-2000:])
            return "\n".join(lines)
        if isinstance(excinfo.value, HarnessError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.spec.id} on {self.target} ({self.mode})"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    state = session.config.stash.get(STATE, None)
    if state is None:
        return
    is_worker = hasattr(session.config, "workerinput")
    if state._session is not None:
        state._session.close(finish=not is_worker)
    if is_worker or (state._session is None and state.item_count == 0):
        return
    _write_reports(session.config, state)


def _write_reports(config: pytest.Config, state: HarnessState) -> None:
    from harness.report.matrix import build_matrix, write_matrix
    from harness.store import Store

    rig = state.rig()
    store = state._session.store if state._session is not None else Store(rig.database)
    if store.run(state.run_id) is None:
        return
    store.finish_run(state.run_id)
    from harness.report.matrix_page import write_pages

    matrix = build_matrix(store, state.run_id, state.features())
    write_matrix(matrix, rig.results)
    write_pages(store, state.run_id, matrix, rig.results)
    config.stash[_MATRIX] = (matrix, store.results(state.run_id))


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
    state = config.stash[STATE]
    terminalreporter.write_line(f"matrix: {state.rig().results / 'matrix.json'}  run: {state.run_id}")
