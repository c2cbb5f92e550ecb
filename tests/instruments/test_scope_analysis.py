"""Host-side measurements from captured waveforms: edges with hysteresis, per-cycle series,
statistics."""

from __future__ import annotations

import numpy as np
import pytest

from harness.instruments import analysis
from harness.instruments.waveform import Waveform

DT = 1e-7


def square(period: float, high: float, span: float, delay: float = 0.0, noise: float = 0.0,
           channel: int = 1, seed: int = 1) -> Waveform:
    times = np.arange(0.0, span, DT)
    volts = np.where(((times - delay) % period) < high, 3.3, 0.0)
    volts[times < delay] = 0.0
    if noise:
        volts = volts + np.random.default_rng(seed).normal(0.0, noise, len(times))
    return Waveform(channel, times, volts, DT, DT)


def test_frequency_period_widths_and_duty_of_a_clean_square():
    wave = square(period=100e-6, high=30e-6, span=1e-3)
    assert analysis.measure("frequency", wave)["median"] == pytest.approx(10_000, rel=1e-3)
    assert analysis.measure("period", wave)["mean"] == pytest.approx(100e-6, rel=1e-3)
    assert analysis.measure("pulse_width_pos", wave)["mean"] == pytest.approx(30e-6, rel=1e-2)
    assert analysis.measure("pulse_width_neg", wave)["mean"] == pytest.approx(70e-6, rel=1e-2)
    assert analysis.measure("duty_cycle", wave)["mean"] == pytest.approx(30.0, abs=0.2)


def test_hysteresis_makes_noise_near_the_threshold_no_edges():
    wave = square(period=100e-6, high=50e-6, span=1e-3, delay=5e-6, noise=0.15)
    edges = analysis.find_edges(wave)
    assert len(edges.rising) == 10 and len(edges.falling) == 10
    naked = analysis.find_edges(wave, threshold_v=1.65, hysteresis_v=0.0)
    assert len(naked.rising) == 10  # square edges cross once; noise of 0.15 V never reaches 1.65 V
    flat = Waveform(1, np.arange(0, 1e-3, DT), np.full(10_000, 1.65) + np.random.default_rng(2).normal(
        0, 0.2, 10_000), DT, DT)
    assert len(analysis.find_edges(flat, threshold_v=1.65, hysteresis_v=0.0).rising) > 100
    assert len(analysis.find_edges(flat, threshold_v=1.65, hysteresis_v=1.5).rising) == 0


def test_edges_are_interpolated_between_samples():
    times = np.array([0.0, 1.0, 2.0, 3.0])
    wave = Waveform(1, times, np.array([0.0, 0.0, 2.0, 2.0]), 1.0, 1.0)
    edges = analysis.find_edges(wave, threshold_v=0.5, hysteresis_v=0.0)
    assert edges.rising == pytest.approx([1.25])


def test_jitter_is_the_spread_of_the_periods():
    rng = np.random.default_rng(3)
    starts = np.cumsum(100e-6 + rng.normal(0, 2e-6, 60))
    times = np.arange(0.0, starts[-1] + 1e-4, DT)
    volts = np.zeros(len(times))
    for start in starts:
        volts[(times >= start) & (times < start + 40e-6)] = 3.3
    stats = analysis.measure("period", Waveform(1, times, volts, DT, DT))
    assert stats["count"] == 59
    assert stats["std"] == pytest.approx(np.diff(starts).std(ddof=1), rel=0.05)
    assert stats["pp"] == pytest.approx(np.ptp(np.diff(starts)), rel=0.05)
    c2c = analysis.measure("cycle_to_cycle", Waveform(1, times, volts, DT, DT))
    assert c2c["count"] == 58


def test_delay_between_two_channels():
    a = square(period=100e-6, high=30e-6, span=1e-3, delay=0.0)
    b = square(period=100e-6, high=30e-6, span=1e-3, delay=7e-6, channel=2)
    assert analysis.measure("rise_delay", a, b)["mean"] == pytest.approx(7e-6, abs=2 * DT)
    assert analysis.measure("fall_delay", a, b)["mean"] == pytest.approx(7e-6, abs=2 * DT)
    with pytest.raises(ValueError, match="second channel"):
        analysis.series("rise_delay", analysis.find_edges(a))


def test_no_cycles_means_no_value():
    flat = Waveform(1, np.arange(0, 1e-3, DT), np.zeros(10_000), DT, DT)
    stats = analysis.measure("frequency", flat)
    assert stats["count"] == 0 and stats["mean"] is None and stats["std"] is None


def test_incomplete_pulses_at_the_window_edges_are_left_out():
    wave = square(period=100e-6, high=60e-6, span=230e-6, delay=-20e-6)  # starts high, ends high
    widths = analysis.series("pulse_width_pos", analysis.find_edges(wave))
    assert widths == pytest.approx([60e-6], abs=2 * DT)
