"""Baseline entries limited to one run mode (``mode: mpy``) and entries for every mode."""

from __future__ import annotations

import textwrap

import pytest

from harness.baselines import load_baseline
from harness.errors import HarnessError


@pytest.fixture
def baseline(tmp_path):
    path = tmp_path / "qemu-mps2.yaml"
    path.write_text(textwrap.dedent("""\
        target: qemu-mps2
        differences:
          - spec: builtins/numeric/pow_float
            mode: mpy
            reason: mpy-cross folds 1 / 3 in double precision
          - spec: builtins/numeric/round_dunder
            reason: round() does not call __round__
          - spec: builtins/numeric/round_dunder
            mode: mpy
            reason: as .mpy it differs otherwise
          - feature: stdlib.time.*
            mode: mpy
            reason: only as .mpy
        """))
    return load_baseline(path, "qemu-mps2")


def test_a_mode_entry_documents_that_mode_only(baseline, make_spec):
    spec = make_spec("builtins/numeric/pow_float", "print(1)\n")
    assert baseline.lookup(spec, "bytecode") is None  # a PASS there stays a PASS, not STALE-DIFF
    assert baseline.lookup(spec, "mpy").reason == "mpy-cross folds 1 / 3 in double precision"
    assert baseline.lookup(spec, "mpy").mode == "mpy"


def test_the_modes_own_entry_comes_before_the_one_for_every_mode(baseline, make_spec):
    spec = make_spec("builtins/numeric/round_dunder", "print(1)\n")
    assert baseline.lookup(spec).reason == "round() does not call __round__"
    assert baseline.lookup(spec, "native").reason == "round() does not call __round__"
    assert baseline.lookup(spec, "mpy").reason == "as .mpy it differs otherwise"


def test_feature_globs_follow_the_mode_too(baseline, make_spec):
    spec = make_spec("stdlib/time/clock", "print(1)\n", header="# feature: stdlib.time.clock\n")
    assert baseline.lookup(spec, "bytecode") is None
    assert baseline.lookup(spec, "mpy").reason == "only as .mpy"


def test_an_unknown_mode_names_the_line(tmp_path):
    path = tmp_path / "unix.yaml"
    path.write_text("target: unix\ndifferences:\n  - spec: a/b\n    mode: frozen\n    reason: r\n")
    with pytest.raises(HarnessError, match=r"unix.yaml:3.*unknown mode 'frozen' \(known: bytecode, native, "
                                           r"viper, mpy\)"):
        load_baseline(path, "unix")
