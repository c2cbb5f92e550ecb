"""allure-pytest's result files, written by one thread so the run does not wait for them.

Every Allure result and attachment is a new file (three or four per item), and on a busy
file system a new file costs about a millisecond of the kernel's time: about half of an
839-item ``harness bench suite`` run was the run's own thread creating them. This logger
is allure-commons' own file logger (same files, same contents, same names), whose writes are
queued in order and done by a writer thread; ``flush`` waits for all of them and is called
when the session ends, before any report reads them.
"""

from __future__ import annotations

import os
import queue
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from allure_commons import hookimpl, plugin_manager
from allure_commons.logger import AllureFileLogger


class BackgroundFileLogger(AllureFileLogger):
    def __init__(self, report_dir: Any, clean: bool = False):
        folder = Path(report_dir).absolute()
        self._old: Path | None = None
        if clean and folder.is_dir():
            # The last run's files go once this run's are written: on ext4 without a journal
            # every new file scans past the inodes freed in the last seconds (find_inode_bit),
            # which made each file written right after deleting the last run's twice as dear.
            aside = folder.with_name(f".{folder.name}.old-{os.getpid()}")
            try:
                os.rename(folder, aside)
                self._old = aside
            except OSError:
                pass  # allure-commons removes them now, as it always did
        super().__init__(report_dir, clean)
        self._queue: queue.Queue[tuple[Callable[..., Any], tuple[Any, ...]]] = queue.Queue()
        self._error: BaseException | None = None
        # A daemon: a run stopped hard loses the files still queued, as it would lose those
        # of the items it had not finished; its store keeps every result.
        threading.Thread(target=self._write, name="allure-writer", daemon=True).start()

    def _write(self) -> None:
        while True:
            write, args = self._queue.get()
            try:
                if self._error is None:
                    write(*args)
            except BaseException as err:  # kept for flush: the run's thread reports it
                self._error = err
            finally:
                self._queue.task_done()

    def flush(self) -> None:
        """Wait until every queued file is written; raise the first error writing one."""
        self._queue.join()
        if self._old is not None:
            # Also what a killed run left aside.
            for old in self._old.parent.glob(f".{self._report_dir.name}.old-*"):
                shutil.rmtree(old, ignore_errors=True)
            self._old = None
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    # The results are handed over once allure-pytest is done with them (closed), so the
    # writer serialises what the synchronous logger would have.
    @hookimpl
    def report_result(self, result: Any) -> None:
        self._queue.put((super().report_result, (result,)))

    @hookimpl
    def report_container(self, container: Any) -> None:
        self._queue.put((super().report_container, (container,)))

    @hookimpl
    def report_attached_file(self, source: Any, file_name: str) -> None:
        self._queue.put((super().report_attached_file, (source, file_name)))

    @hookimpl
    def report_attached_data(self, body: Any, file_name: str) -> None:
        self._queue.put((super().report_attached_data, (body, file_name)))

    @hookimpl
    def report_globals(self, globals_item: Any) -> None:
        self._queue.put((super().report_globals, (globals_item,)))


def write_in_background() -> Callable[[], None] | None:
    """Make allure-pytest create this logger instead of its own; returns how to undo it.

    Call before allure-pytest's ``pytest_configure``. None when allure-pytest is not the
    version this knows (it then writes its files itself, as before).
    """
    try:
        from allure_pytest import plugin as allure_plugin
    except ImportError:
        return None
    if getattr(allure_plugin, "AllureFileLogger", None) is not AllureFileLogger:
        return None
    allure_plugin.AllureFileLogger = BackgroundFileLogger  # type: ignore[misc]

    def undo() -> None:
        allure_plugin.AllureFileLogger = AllureFileLogger  # type: ignore[misc]

    return undo


def flush() -> None:
    """Wait for the queued files of every background logger of this process."""
    for plugin in plugin_manager.get_plugins():
        if isinstance(plugin, BackgroundFileLogger):
            plugin.flush()
