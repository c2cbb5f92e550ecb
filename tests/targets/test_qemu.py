"""Target ``qemu-microbit`` against real QEMU and Debian's MicroPython 1.9.2 firmware."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import string
import threading

import pytest
from qemu_support import needs_qemu, pid_alive, write_specs

from harness.records import Expected, Verdict
from harness.targets import create_target
from harness.targets.base import TargetConfig
from harness.targets.qemu import DEBIAN_MICROBIT_HEX, QemuMicrobitTarget, QemuMps2Target
from harness.verdict import judge

pytestmark = [pytest.mark.slow, needs_qemu]


@pytest.fixture
def make_target():
    """Targets made here are stopped at the end, and their emulators must be gone."""
    made: list[QemuMicrobitTarget] = []
    pids: set[int] = set()

    def make(**options) -> QemuMicrobitTarget:
        target = create_target(TargetConfig("qemu-microbit", "qemu-microbit", options))
        assert isinstance(target, QemuMicrobitTarget)
        made.append(target)
        return target

    def remember() -> None:
        for target in made:
            if target.pid:
                pids.add(target.pid)

    make.remember = remember  # type: ignore[attr-defined]
    yield make
    remember()
    for target in made:
        target.stop()
    left = [pid for pid in pids if pid_alive(pid)]
    assert not left, f"QEMU processes left running: {left}"


def _payload(i: int) -> str:
    rng = random.Random(i)
    alphabet = string.ascii_letters + string.digits + " .,:;-_+*/=()[]{}<>!?@#$%^&|~"
    return "".join(rng.choice(alphabet) for _ in range((i * 37) % 600))


def test_200_specs_through_one_emulator_lose_no_byte(tmp_path, make_target):
    sources = {}
    for i in range(200):
        text = _payload(i)
        sources[f"s{i:03d}"] = f"s = {text!r}\nprint({i}, len(s))\nprint(s)\n"
    specs = write_specs(tmp_path, sources)
    target = make_target()
    target.start()
    pid = target.pid
    for i, spec in enumerate(specs):
        outcome = target.run(spec)
        text = _payload(i)
        assert not (outcome.link_failed or outcome.crashed or outcome.timed_out), outcome.detail
        assert outcome.stdout == f"{i} {len(text)}\n{text}\n", f"spec {i}: {outcome.stderr}"
        assert outcome.exception is None and outcome.exit_code == 0
    assert target.pid == pid and target.restarts == 0


def test_hanging_spec_times_out_and_the_next_passes(tmp_path, make_target):
    hang, after = write_specs(tmp_path, {
        "hang": "# feature: x.y\n# timeout: 1\nprint('before')\nwhile True:\n    pass\n",
        "after": "print('after')\n",
    })
    target = make_target()
    outcome = target.run(hang)
    assert outcome.timed_out and not outcome.link_failed and not outcome.crashed
    assert outcome.stdout == "before\n"
    assert 1.0 <= outcome.duration_s < 5
    assert judge(Expected(stdout="before\n"), outcome).verdict is Verdict.TIMEOUT
    nxt = target.run(after)
    assert nxt.stdout == "after\n" and not nxt.timed_out


def test_killing_qemu_mid_spec_is_a_crash_and_the_run_goes_on(tmp_path, make_target):
    slow, after = write_specs(tmp_path, {
        "slow": "import time\nprint('started')\ntime.sleep(5)\nprint('finished')\n",
        "after": "print('after')\n",
    })
    target = make_target()
    target.start()
    first_pid = target.pid
    assert first_pid is not None
    killer = threading.Timer(0.5, os.kill, (first_pid, signal.SIGKILL))
    killer.start()
    try:
        outcome = target.run(slow)
    finally:
        killer.cancel()
    make_target.remember()
    assert outcome.crashed and not outcome.link_failed, outcome.detail
    assert "SIGKILL" in outcome.detail
    assert outcome.stdout == "started\n"
    assert judge(Expected(stdout="started\nfinished\n"), outcome).verdict is Verdict.CRASH
    nxt = target.run(after)
    assert nxt.stdout == "after\n" and not nxt.crashed
    assert target.pid != first_pid and not pid_alive(first_pid)


def test_reset_under_the_spec_is_a_crash(tmp_path, make_target):
    reset, after = write_specs(tmp_path, {
        "reset": "import machine\nprint('x')\nmachine.reset()\n",
        "after": "print('after')\n",
    })
    target = make_target()
    outcome = target.run(reset)
    assert outcome.crashed and not outcome.link_failed
    assert target.run(after).stdout == "after\n"


def test_too_big_for_the_heap_is_resource(tmp_path, make_target):
    body = "".join(f"v{i} = [{i}, {i + 1}, 'item{i}']\n" for i in range(120)) + "print(v1)\n"
    (spec,) = write_specs(tmp_path, {"big": body})
    target = make_target()
    outcome = target.run(spec)
    assert outcome.exception == "MemoryError" and outcome.exit_code == 1
    assert judge(Expected(stdout="[1, 2, 'item1']\n"), outcome).verdict is Verdict.RESOURCE


def test_uncaught_exception_and_stderr(tmp_path, make_target):
    (spec,) = write_specs(tmp_path, {"exc": "print('a')\nraise ValueError('bad')\n"})
    outcome = make_target().run(spec)
    assert outcome.stdout == "a\n"
    assert outcome.stderr.endswith("ValueError: bad\n") and "\r" not in outcome.stderr
    assert outcome.exception == "ValueError" and outcome.exit_code == 1


def test_specs_do_not_see_each_other(tmp_path, make_target):
    first, second = write_specs(tmp_path, {
        "first": "leak = 1\nprint('set')\n",
        "second": "try:\n    print(leak)\nexcept NameError:\n    print('clean')\n",
    })
    target = make_target()
    assert target.run(first).stdout == "set\n"
    assert target.run(second).stdout == "clean\n"


def test_identity_and_capabilities(make_target):
    target = make_target()
    ident = target.identity()
    assert ident.implementation == "micropython 1.9.2"
    assert "micro:bit" in ident.machine
    digest = hashlib.sha256(DEBIAN_MICROBIT_HEX.read_bytes()).hexdigest()
    assert ident.firmware == f"firmware.hex sha256:{digest}"
    caps = target.capabilities()
    assert {"microbit", "machine", "gc", "math", "sys"} <= caps.modules
    assert "json" not in caps.modules and "asyncio" not in caps.modules
    assert caps.lacks("json")
    assert caps.lacks("emitter.native") and caps.lacks("emitter.viper")  # no Thumb emitter
    assert caps.extra["mem_free"] > 4000
    assert target.restarts == 0


def test_other_modes_are_unsupported(tmp_path, make_target):
    (spec,) = write_specs(tmp_path, {"a": "print(1)\n"})
    outcome = make_target().run(spec, mode="native")
    assert outcome.unsupported and "native" in outcome.unsupported


def test_an_emulator_that_never_idles_is_paced_by_its_own_cpu_time(tmp_path, make_target):
    """-icount ...,sleep=off warps an idle guest's clock at a full core, so a paced write cannot
    wait for it to go idle: each chunk waits for the vCPU thread to get CHUNK_CPU_S of CPU."""
    from harness.transport.rawrepl import CHUNK_CPU_S

    sources = {f"p{i:02d}": f"s = {_payload(i)!r}\nprint({i}, len(s))\nprint(s)\n" for i in range(40)}
    specs = write_specs(tmp_path, sources)
    target = make_target(icount=6)
    target.start()
    pipe = target.repl.stream
    assert pipe.peer_busy is None and pipe.peer_cpu_s is not None
    for i, spec in enumerate(specs):
        before = pipe.peer_cpu_s()
        outcome = target.run(spec)
        assert outcome.stdout == f"{i} {len(_payload(i))}\n{_payload(i)}\n", f"spec {i}: {outcome.stderr}"
        chunks = len(spec.source) // target.chunk_size
        # The guest had at least its share of CPU for every chunk after the first.
        assert pipe.peer_cpu_s() - before >= max(0, chunks - 1) * CHUNK_CPU_S
    assert target.restarts == 0


def test_deterministic_mode_repeats_random_numbers(tmp_path, make_target):
    (spec,) = write_specs(tmp_path, {"rnd": "import random\nprint(random.getrandbits(30))\n"})
    first = make_target(icount=6)
    assert "-icount" in first.argv() and "shift=6,sleep=off" in first.argv()
    assert first.argv()[first.argv().index("-seed") + 1] == "1"
    a = first.run(spec)
    first.stop()
    b = make_target(icount=6).run(spec)
    assert a.stdout == b.stdout and a.stdout.strip().isdigit()


def test_cold_boot_per_spec_when_reuse_is_off(tmp_path, make_target):
    specs = write_specs(tmp_path, {f"c{i}": f"print({i})\n" for i in range(3)})
    target = make_target(reuse=False)
    pids = []
    for i, spec in enumerate(specs):
        assert target.run(spec).stdout == f"{i}\n"
        pids.append(target.pid)
        make_target.remember()
    assert len(set(pids)) == 3


def test_serial_over_tcp(tmp_path, make_target):
    specs = write_specs(tmp_path, {"t": "print('tcp')\n"})
    target = make_target(serial="tcp")
    assert target.run(specs[0]).stdout == "tcp\n"
    assert target.url.startswith("socket://127.0.0.1:")


def test_mps2_needs_a_firmware_path():
    from harness.errors import HarnessError

    with pytest.raises(HarnessError, match="option 'firmware' is required"):
        QemuMps2Target(TargetConfig("mps2", "qemu-mps2", {}))


def test_missing_firmware_is_a_user_error(tmp_path):
    from harness.errors import HarnessError

    target = QemuMicrobitTarget(TargetConfig("m", "qemu-microbit",
                                             {"firmware": str(tmp_path / "nope.hex")}))
    with pytest.raises(HarnessError, match="nope.hex: .*firmware not found"):
        target.start()
    target.stop()
