"""The ``board`` target on the QEMU micro:bit reached three ways, as a real board would be:
its pty, a TCP socket (``socket://``) and RFC 2217 through ser2net (``rfc2217://``).
The same specs must give the same outcomes, and the same verdicts, through each."""

from __future__ import annotations

import pytest
from qemu_support import Ser2net, needs_qemu, needs_ser2net, pid_alive, write_specs

from harness.records import Verdict
from harness.reference import Reference
from harness.targets.base import TargetConfig
from harness.targets.board import BoardTarget
from harness.targets.qemu import QemuMicrobitTarget, QemuProcess
from harness.verdict import judge

pytestmark = [pytest.mark.slow, needs_qemu]

SPECS = {
    "print": "print('hello', 1 + 2)\n",
    "loop": "for i in range(5):\n    print(i * i, end=' ')\nprint()\n",
    "dict": "d = {k: len(k) for k in ('a', 'bb', 'ccc')}\nprint(sorted(d.items()))\n",
    "exception": "print('before')\nraise KeyError('k')\n",
    "caught": "try:\n    int('x')\nexcept ValueError:\n    print('ValueError')\n",
    "long": "s = '" + "0123456789abcdef" * 30 + "'\nprint(len(s), s[-20:])\n",
    "hang": "# feature: transport.test\n# timeout: 1\nwhile True:\n    pass\n",
    "big": "".join(f"v{i} = [{i}, {i + 1}, 'item{i}']\n" for i in range(120)) + "print(v1)\n",
    "after": "print('still here')\n",
}
EXPECTED_VERDICTS = {
    "print": Verdict.PASS, "loop": Verdict.PASS, "dict": Verdict.PASS,
    "exception": Verdict.PASS, "caught": Verdict.PASS, "long": Verdict.PASS,
    "hang": Verdict.TIMEOUT, "big": Verdict.RESOURCE, "after": Verdict.PASS,
}


def _emulator(serial_mode: str) -> QemuProcess:
    argv = QemuMicrobitTarget(TargetConfig("m", "qemu-microbit", {})).argv()
    process = QemuProcess(argv, serial_mode)
    process.start()
    return process


def _observe(port: str, specs, reference: Reference, details: dict[str, str]) -> dict[str, tuple]:
    """Each spec's outcome and verdict through ``port``; ``details`` gets what the link said."""
    board = BoardTarget(TargetConfig("board", "board", {"port": port}))
    try:
        ident = board.identity()
        assert ident.implementation == "micropython 1.9.2"
        assert ident.extra["port"] == port
        seen = {}
        for spec in specs:
            outcome = board.run(spec)
            verdict = judge(reference.expected(spec) if spec.id != "hang" else None, outcome)
            seen[spec.id] = (outcome.stdout, outcome.stderr, outcome.exception,
                             outcome.exit_code, outcome.timed_out, outcome.crashed,
                             outcome.link_failed, verdict.verdict)
            if outcome.detail:
                details[f"{port} {spec.id}"] = outcome.detail
        return seen
    finally:
        board.stop()


@pytest.fixture
def specs(tmp_path):
    return write_specs(tmp_path / "specs", SPECS)


@pytest.fixture
def reference(tmp_path):
    return Reference(tmp_path / "cache")


@needs_ser2net
def test_same_outcomes_through_pty_socket_and_rfc2217(tmp_path, specs, reference):
    processes: list[QemuProcess] = []
    bridges: list[Ser2net] = []
    details: dict[str, str] = {}  # shown when outcomes differ (an INFRA was once seen under load)
    try:
        pty = _emulator("pty")
        processes.append(pty)
        results = {"pty": _observe(pty.url, specs, reference, details)}

        tcp = _emulator("tcp")
        processes.append(tcp)
        assert tcp.url.startswith("socket://")
        results["socket"] = _observe(tcp.url, specs, reference, details)

        exported = _emulator("pty")
        processes.append(exported)
        bridge = Ser2net(exported.url, tmp_path)
        bridges.append(bridge)
        results["rfc2217"] = _observe(bridge.url, specs, reference, details)
    finally:
        for bridge in bridges:
            bridge.stop()
        for process in processes:
            process.stop()
    assert not any(pid_alive(p.pid) for p in processes)
    assert not any(pid_alive(b.proc.pid) for b in bridges)

    verdicts = {name: seen[7] for name, seen in results["pty"].items()}
    assert verdicts == EXPECTED_VERDICTS
    assert results["socket"] == results["pty"], details
    assert results["rfc2217"] == results["pty"], details


def test_board_refuses_unexpected_firmware():
    from harness.errors import HarnessError

    process = _emulator("pty")
    try:
        board = BoardTarget(TargetConfig("board", "board",
                                         {"port": process.url, "firmware": "v1.22"}))
        with pytest.raises(HarnessError, match="the rig expects firmware 'v1.22'"):
            board.start()
        board.stop()
        ok = BoardTarget(TargetConfig("board", "board",
                                      {"port": process.url, "firmware": "v1.9.2"}))
        ok.start()
        assert ok.identity().firmware == "v1.9.2"
        ok.stop()
    finally:
        process.stop()


def test_board_machine_reset_between_specs(tmp_path):
    first, second = write_specs(tmp_path, {"a": "x = 1\nprint('a')\n",
                                           "b": "print('x' in globals())\n"})
    process = _emulator("pty")
    try:
        board = BoardTarget(TargetConfig("board", "board",
                                         {"port": process.url, "reset": "machine"}))
        assert board.run(first).stdout == "a\n"
        assert board.run(second).stdout == "False\n"
        assert board.restarts >= 1
        board.stop()
    finally:
        process.stop()
