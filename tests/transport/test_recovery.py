"""The recovery ladder against a scripted board."""

from __future__ import annotations

import logging

import pytest
from fakeboard import FakeBoard

from harness.transport.rawrepl import RawRepl
from harness.transport.recovery import RecoveryFailed, recover


def test_hanging_program_recovered_by_interrupt(caplog):
    board = FakeBoard()
    repl = RawRepl(board, "fake0")  # type: ignore[arg-type]
    repl.send(b"HANG\n")
    with caplog.at_level(logging.WARNING, logger="harness.transport.recovery"):
        steps = recover(repl, why="test", timeout=0.3)
    assert steps == ["interrupt: ok"]
    assert "interrupt" in caplog.text


def test_friendly_prompt_recovered_by_reentering():
    board = FakeBoard()
    repl = RawRepl(board, "fake0")  # type: ignore[arg-type]
    repl.enter()
    board.mode = "friendly"  # e.g. someone pressed Ctrl-B
    repl.at_prompt = True
    steps = recover(repl, timeout=0.3)
    assert steps[-1] == "re-enter raw REPL: ok"
    assert repl.exec("print(1)", 2).stdout == "1\n"


def test_stuck_board_needs_the_hard_reset_callback():
    board = FakeBoard(ignores_ctrl_c=True)
    repl = RawRepl(board, "fake0")  # type: ignore[arg-type]
    repl.send(b"HANG\n")
    calls = []

    def hard_reset():
        calls.append("hard")
        fresh = FakeBoard()
        repl.attach(fresh)  # type: ignore[arg-type]
        repl.enter()

    steps = recover(repl, hard_reset=hard_reset, start_at="hard reset")
    assert calls == ["hard"] and steps == ["hard reset: ok"]


def test_every_rung_failing_raises_with_the_steps():
    board = FakeBoard(silent=True)
    repl = RawRepl(board, "fake0")  # type: ignore[arg-type]
    tried = []

    def reopen():
        tried.append("reopen")
        raise OSError("port gone")

    with pytest.raises(RecoveryFailed) as info:
        recover(repl, reopen=reopen, timeout=0.3)
    assert tried == ["reopen"]
    names = [step.split(":")[0] for step in info.value.steps]
    assert names == ["interrupt", "re-enter raw REPL", "soft reset", "reopen port"]
    assert str(info.value).startswith("fake0: the board does not answer")
