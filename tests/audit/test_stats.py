"""Descriptive statistics, the i.i.d. tests that must pass before a pWCET estimate, and MMU."""

from __future__ import annotations

import numpy as np
import pytest

from harness.audit import stats


def test_describe_figures_and_histogram():
    found = stats.describe([10, 12, 11, 30, 10])
    assert (found["n"], found["min"], found["max"], found["p50"]) == (5, 10, 30, 11)
    assert found["mean"] == pytest.approx(14.6)
    assert found["stdev"] == pytest.approx(np.std([10, 12, 11, 30, 10], ddof=1))
    assert sum(found["histogram"]["counts"]) == 5
    assert found["distinct"] == 4 and found["spread"] == 20


def test_identical_samples_need_no_test_and_get_no_estimate():
    tests = stats.sample_tests([250139.0] * 40)
    assert tests["applicable"] is False and "identical" in tests["reason"]
    assert stats.pwcet([250139.0] * 40, 1e-6, tests)["estimated"] is False


def test_iid_samples_pass_and_get_a_labelled_estimate():
    rng = np.random.default_rng(7)
    data = list(rng.gumbel(1000, 20, size=400))
    tests = stats.sample_tests(data)
    assert tests["passed"], tests
    estimate = stats.pwcet(data, 1e-6, tests)
    assert estimate["estimated"] and "estimate" in estimate["label"] and "not a bound" in estimate["label"]
    assert estimate["value"] > max(data)  # rarer than anything seen in 400 samples


def test_a_trend_fails_independence_and_a_shift_fails_identical_distribution():
    rng = np.random.default_rng(3)
    trend = list(np.arange(200) + rng.normal(0, 1, 200))
    tests = stats.sample_tests(trend)
    assert not tests["independence"]["passed"] and not tests["passed"]
    estimate = stats.pwcet(trend, 1e-6, tests)
    assert not estimate["estimated"] and "not i.i.d." in estimate["reason"]
    shifted = list(rng.normal(0, 1, 100)) + list(rng.normal(5, 1, 100))
    assert not stats.ks_halves(shifted)["passed"]


def test_minimum_mutator_utilisation():
    # 10 ms of work with one 1 ms pause at 2 ms and one 3 ms pause at 6 ms (times in us).
    found = stats.mmu([(2000, 1000), (6000, 3000)], 10000, windows_ms=(2, 5, 10, 20))
    assert found["2ms"] == pytest.approx(0.0)  # a 2 ms window inside the 3 ms pause
    assert found["5ms"] == pytest.approx(0.4)  # any 5 ms window holding the 3 ms pause
    assert found["10ms"] == pytest.approx(0.6)
    assert "20ms" not in found  # longer than the span
