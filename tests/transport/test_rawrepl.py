"""The raw REPL protocol against a scripted board (fast; the real firmware is in tests/targets)."""

from __future__ import annotations

import pytest
from fakeboard import RAW_BANNER, FakeBoard

from harness.transport.rawrepl import (
    BoardReset,
    ProgramStuck,
    RawRepl,
    ReplTimeout,
    to_text,
)
from harness.transport.stream import LinkLost


def repl_for(board: FakeBoard, **kwargs) -> RawRepl:
    return RawRepl(board, "fake0", **kwargs)  # type: ignore[arg-type]


def test_enter_from_friendly_prompt():
    board = FakeBoard()
    repl = repl_for(board)
    repl.enter()
    assert repl.at_prompt and board.mode == "raw"


def test_exec_separates_stdout_and_stderr_and_normalises_newlines():
    repl = repl_for(FakeBoard())
    result = repl.exec("print('a')\nprint('b')\n", 2)
    assert result.stdout == "a\nb\n" and result.stderr == "" and not result.timed_out
    result = repl.exec("print(1)\n1/0\n", 2)
    assert result.stdout == "1\n"
    assert result.stderr.endswith("ZeroDivisionError: division by zero\n")
    assert "\r" not in result.stderr


def test_old_firmware_falls_back_to_paced_chunks():
    board = FakeBoard(raw_paste=False)
    repl = repl_for(board, chunk_size=8, chunk_delay_s=0.0)
    code = "x = '" + "y" * 50 + "'\nprint(len(x))\n"
    assert repl.exec(code, 2).stdout == "50\n"
    assert repl.raw_paste is False
    assert board.programs[-1] == code
    sent_code = [w for w in board.writes if w and w[:1] not in (b"\x01", b"\x03", b"\x04",
                                                              b"\x05", b"\r")]
    assert sent_code and max(len(w) for w in sent_code) <= 8
    # Detected once: the next exec does not ask again.
    before = sum(w.count(b"\x05") for w in board.writes)
    repl.exec("print(2)", 2)
    assert sum(w.count(b"\x05") for w in board.writes) == before


def test_raw_paste_respects_the_window():
    board = FakeBoard(raw_paste=True, window=16)
    repl = repl_for(board)
    code = "s = 0\n" + "".join(f"s += {i}\n" for i in range(40)) + "print(s)\n"
    assert repl.exec(code, 2).stdout == f"{sum(range(40))}\n"
    assert repl.raw_paste is True
    assert board.window_violations == 0
    assert board.programs[-1] == code


def test_empty_program_does_not_soft_reset():
    board = FakeBoard()
    repl = repl_for(board)
    assert repl.exec("", 2).stdout == ""
    assert board.soft_resets == 0


def test_soft_reset_returns_to_raw_prompt():
    board = FakeBoard()
    repl = repl_for(board)
    repl.enter()
    repl.soft_reset()
    assert board.soft_resets == 1 and repl.at_prompt
    assert repl.exec("print(3)", 2).stdout == "3\n"


def test_timeout_interrupts_with_ctrl_c():
    board = FakeBoard()
    repl = repl_for(board)
    result = repl.exec("print('start')\nHANG\n", 0.2)
    assert result.timed_out
    assert result.stdout == "start\n"
    assert "KeyboardInterrupt" in result.stderr
    assert repl.exec("print(4)", 2).stdout == "4\n"


def test_program_ignoring_ctrl_c_is_stuck():
    repl = repl_for(FakeBoard(ignores_ctrl_c=True), interrupt_grace_s=0.2)
    with pytest.raises(ProgramStuck, match="fake0"):
        repl.exec("HANG\n", 0.1)


def test_reboot_under_the_program_is_reported():
    repl = repl_for(FakeBoard())
    with pytest.raises(BoardReset, match="fake0: board rebooted"):
        repl.exec("print('x')\nRESET\n", 5)


def test_silent_board_times_out_naming_the_device():
    repl = repl_for(FakeBoard(silent=True))
    with pytest.raises(ReplTimeout, match=r"^fake0: no raw REPL banner"):
        repl.enter(timeout=0.3)


def test_vanished_port_is_link_lost():
    repl = repl_for(FakeBoard(broken=True))
    with pytest.raises(LinkLost, match="fake0"):
        repl.enter()


def test_late_banner_before_ok_is_skipped():
    board = FakeBoard()
    repl = repl_for(board)
    repl.enter()
    board.out += RAW_BANNER  # a slow board answering an earlier Ctrl-A, after discard
    repl.discard_input = lambda: b""  # type: ignore[method-assign]
    assert repl.exec("print(5)", 2).stdout == "5\n"


def test_compile_memory_error_arrives_on_stderr():
    repl = repl_for(FakeBoard())
    result = repl.exec("BIG\n", 2)
    assert result.stderr.startswith("MemoryError:")


def test_to_text():
    assert to_text(b"a\r\nb\r\n\xff") == "a\nb\n\ufffd"
