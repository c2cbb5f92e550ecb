"""The fault proxy, and the harness behind it: faults become retries or INFRA, never wrong verdicts."""

from __future__ import annotations

import socket
import sys
import time
from pathlib import Path

import pytest
import serial

from harness.records import Verdict
from harness.testing.faultproxy import FaultPlan, FaultProxy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "targets"))
from qemu_support import needs_qemu  # noqa: E402


def _echo_through(plan: FaultPlan, payload: bytes) -> tuple[bytes, list]:
    """Send ``payload`` through a proxy whose board is pyserial's loop:// (it echoes)."""
    upstream = serial.serial_for_url("loop://", timeout=0.05)
    proxy = FaultProxy(upstream, plan).start()
    try:
        with socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as conn:
            deadline = time.monotonic() + 5
            while proxy.stats.connections == 0 and time.monotonic() < deadline:
                time.sleep(0.01)
            conn.sendall(payload)
            received = b""
            conn.settimeout(0.5)
            while True:
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    break
                if not chunk:
                    break
                received += chunk
        return received, [(e.direction, e.kind, e.offset) for e in proxy.stats.events]
    finally:
        proxy.stop()
        upstream.close()


def test_a_clean_plan_passes_every_byte():
    payload = bytes(range(256)) * 20
    received, events = _echo_through(FaultPlan.clean(), payload)
    assert received == payload and events == []


def test_faults_are_seeded_by_byte_offset():
    payload = bytes(range(32, 127)) * 60
    plan = FaultPlan(drop=0.004, garble=0.004, seed=7)
    first, events = _echo_through(plan, payload)
    second, again = _echo_through(plan, payload)
    kinds = {kind for _, kind, _ in events}
    assert kinds == {"drop", "garble"} and first != payload
    assert (first, events) == (second, again)  # same seed, same traffic: the same faults
    other, _ = _echo_through(FaultPlan(drop=0.004, garble=0.004, seed=8), payload)
    assert other != first


@pytest.mark.slow
@needs_qemu
def test_campaign_at_a_high_fault_rate_gives_no_wrong_verdict_and_loses_nothing(tmp_path):
    from harness.testing.campaign import DEFAULT_PLAN, run_campaign

    plan = FaultPlan(drop=DEFAULT_PLAN.drop * 3, garble=DEFAULT_PLAN.garble * 3, delay=0.05,
                     delay_s=DEFAULT_PLAN.delay_s, outage=DEFAULT_PLAN.outage * 3,
                     outage_s=(0.2, 0.5), seed=11)
    report = run_campaign(40, plan, workdir=tmp_path)
    assert report.specs == 40 and report.stored == 40 and not report.lost
    assert not report.wrong, report.wrong
    assert report.correct + report.infra == 40
    assert report.faults["drop"] + report.faults["garble"] > 0 and report.retried > 0


@pytest.mark.slow
@needs_qemu
def test_a_link_gone_longer_than_the_ladder_is_infra_and_the_next_spec_passes(tmp_path):
    from harness.rig import load_rig
    from harness.session import Session
    from harness.spec import load_spec
    from harness.testing.campaign import FEATURES, faulty_board

    (tmp_path / "conformance").mkdir()
    (tmp_path / "conformance" / "features.yaml").write_text(FEATURES)
    specs = []
    for name in ("before", "during", "after"):
        path = tmp_path / "specs" / f"{name}.py"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"# feature: micropython.faults.link\nprint({name!r})\n")
        specs.append(load_spec(path, tmp_path / "specs"))
    with faulty_board(tmp_path, reopen_timeout=0.5) as (proxy, rig_path):
        # Without the health rule, which would take a board that stops answering out of the
        # run (NOT-RUN): this is about the link layer's verdict.
        rig_path.write_text(rig_path.read_text() + "health: {probe: false, max_infra: 0}\n")
        session = Session(tmp_path, load_rig(rig_path, tmp_path), ["board"])
        try:
            assert session.run_item(specs[0], "board").verdict is Verdict.PASS
            proxy.cut(4.0)
            cut_at = time.monotonic()
            during = session.run_item(specs[1], "board")
            assert during.verdict is Verdict.INFRA, during.reason
            assert during.outcome.attempts > 1
            time.sleep(max(0.0, cut_at + 4.2 - time.monotonic()))
            after = session.run_item(specs[2], "board")
            assert after.verdict is Verdict.PASS, after.reason
            stored = {r["spec_id"]: r["verdict"] for r in session.store.results(session.run_id)}
            assert stored == {"before": "PASS", "during": "INFRA", "after": "PASS"}
        finally:
            session.close()
