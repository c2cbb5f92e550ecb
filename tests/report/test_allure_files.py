"""Allure files written by a thread: the same files as allure-commons' own logger, all there after flush."""

import json
import shutil

import pytest
from allure_commons.logger import AllureFileLogger
from allure_commons.model2 import Attachment, Label
from allure_commons.model2 import TestResult as Result  # not a test class

from harness.report.allure_files import BackgroundFileLogger, write_in_background


def _report(logger, n: int) -> None:
    for i in range(n):
        logger.report_attached_data(body=f"output {i}\n", file_name=f"a{i}-attachment.txt")
        result = Result(uuid=f"u{i}", name=f"spec{i} [unix]", status="passed",
                            labels=[Label(name="verdict", value="PASS")],
                            attachments=[Attachment(name="actual", source=f"a{i}-attachment.txt",
                                                    type="text/plain")])
        logger.report_result(result=result)


def _contents(folder):
    found = {}
    for path in folder.iterdir():
        data = path.read_text()
        if path.name.endswith("-result.json"):  # named by a random uuid: keyed by the test
            result = json.loads(data)
            found[result["name"]] = result
        else:
            found[path.name] = data
    return found


def test_the_same_files_as_the_synchronous_logger(tmp_path):
    _report(AllureFileLogger(tmp_path / "sync"), 50)
    background = BackgroundFileLogger(tmp_path / "thread")
    _report(background, 50)
    background.flush()
    written = _contents(tmp_path / "thread")
    assert len(written) == 100
    assert written == _contents(tmp_path / "sync")


def test_a_write_that_fails_is_raised_by_flush(tmp_path):
    logger = BackgroundFileLogger(tmp_path / "gone")
    shutil.rmtree(tmp_path / "gone")
    logger.report_attached_data(body="x", file_name="x-attachment.txt")
    with pytest.raises(OSError):
        logger.flush()
    logger.flush()  # told once


def test_allure_pytest_creates_the_background_logger_until_undone():
    from allure_pytest import plugin

    undo = write_in_background()
    assert undo is not None
    try:
        assert plugin.AllureFileLogger is BackgroundFileLogger
    finally:
        undo()
    assert plugin.AllureFileLogger is AllureFileLogger


def test_the_last_runs_files_go_once_this_runs_are_written(tmp_path):
    folder = tmp_path / "allure-results"
    folder.mkdir()
    (folder / "old-result.json").write_text("{}")
    (tmp_path / ".allure-results.old-1").mkdir()  # left aside by a killed run
    logger = BackgroundFileLogger(folder, clean=True)
    assert not (folder / "old-result.json").exists()  # not mixed with this run's files
    _report(logger, 3)
    logger.flush()
    assert len(list(folder.iterdir())) == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["allure-results"]


def test_the_last_runs_files_are_reused_with_only_the_new_contents(tmp_path):
    folder = tmp_path / "allure-results"
    folder.mkdir()
    for i in range(2):  # longer than anything written below: the tail must not survive
        (folder / f"old{i}-result.json").write_text("x" * 5000)
    inodes = {p.stat().st_ino for p in folder.iterdir()}
    logger = BackgroundFileLogger(folder, clean=True)
    _report(logger, 3)
    logger.flush()
    sync = tmp_path / "sync"
    _report(AllureFileLogger(sync), 3)
    assert _contents(folder) == _contents(sync)
    reused = {p.stat().st_ino for p in folder.iterdir()} & inodes
    assert len(reused) == 2  # two of the six files took the old inodes; four are new
    assert not list(folder.glob("*.tmp"))

