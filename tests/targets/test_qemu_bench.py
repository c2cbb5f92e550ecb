"""``bench_transport``: the three ways run; ours print what they should."""

from __future__ import annotations

import pytest
from qemu_support import needs_qemu

from harness.bench.transport import COLD, MPREMOTE, REUSE, bench_transport, mpremote_binary

pytestmark = [pytest.mark.slow, needs_qemu]


def test_bench_rows():
    try:
        mpremote_binary()
        with_mpremote = True
    except Exception:  # noqa: BLE001 - mpremote is optional here
        with_mpremote = False
    rows = bench_transport(rounds=1, with_mpremote=with_mpremote)
    by_name = {row["name"]: row for row in rows}
    assert set(by_name) == {REUSE, COLD} | ({MPREMOTE} if with_mpremote else set())
    assert by_name[REUSE]["ratio"] == 1.0
    assert by_name[COLD]["ratio"] > 1.0 and by_name[COLD]["samples"] == 5
    for row in rows:
        assert row["median_ms"] > 0
    assert by_name[REUSE]["wrong"] == 0 and by_name[COLD]["wrong"] == 0

