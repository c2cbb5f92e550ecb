"""Several processes opening a new results database at once (xdist workers) all get it."""

import multiprocessing

from harness.store import Store

PROCESSES = 6
ROUNDS = 12  # without the retry, about one round in three lost the race


def _open(path, barrier, answers) -> None:
    barrier.wait()
    try:
        Store(path).db.close()
        answers.put("ok")
    except Exception as err:  # reported to the test, not lost in the child
        answers.put(f"{type(err).__name__}: {err}")


def test_processes_opening_a_new_store_at_once_all_get_it(tmp_path):
    context = multiprocessing.get_context("fork")
    for round_number in range(ROUNDS):
        path = tmp_path / f"r{round_number}" / "harness.sqlite"
        barrier, answers = context.Barrier(PROCESSES), context.Queue()
        children = [context.Process(target=_open, args=(path, barrier, answers)) for _ in range(PROCESSES)]
        for child in children:
            child.start()
        got = [answers.get(timeout=60) for _ in children]
        for child in children:
            child.join()
        assert got == ["ok"] * PROCESSES, got
        assert Store(path).db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
