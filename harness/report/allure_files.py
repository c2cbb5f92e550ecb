"""allure-pytest's result files, written by one thread so the run does not wait for them.

Every Allure result and attachment is a new file (three or four per item). This logger
writes allure-commons' own files (same contents, same names, same temporary-then-rename
writes), queued in order and done by a writer thread; ``flush`` waits for all of them and
is called when the session ends, before any report reads them.

The files of the last run are not deleted first but reused, one per new file: on ext4
without a journal (these machines) a new inode is searched for past every inode freed in
the last seconds to minutes, so creating each of 2,700 files right after deleting as many
cost about 0.6 ms of the kernel's time, against 0.04 ms to rename and overwrite an old one.
"""

from __future__ import annotations

import io
import json
import os
import queue
import shutil
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from allure_commons import hookimpl, plugin_manager
from allure_commons.logger import INDENT, AllureFileLogger
from attr import asdict


class BackgroundFileLogger(AllureFileLogger):
    def __init__(self, report_dir: Any, clean: bool = False):
        folder = Path(report_dir).absolute()
        self._old: Path | None = None
        self._spare: list[str] = []  # the last run's files, to be renamed and overwritten
        if clean and folder.is_dir():
            aside = folder.with_name(f".{folder.name}.old-{os.getpid()}")
            try:
                os.rename(folder, aside)
                self._old = aside
                self._spare = [entry.path for entry in os.scandir(aside)
                               if entry.is_file(follow_symlinks=False)]
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
            # The old files this run did not reuse, and what a killed run left aside.
            self._spare.clear()
            for old in self._old.parent.glob(f".{self._report_dir.name}.old-*"):
                shutil.rmtree(old, ignore_errors=True)
            self._old = None
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _put_file(self, name: str, data: bytes) -> None:
        """Write ``name`` as allure-commons does (``name.tmp``, then renamed), in a reused inode."""
        tmp = self._report_dir / f"{name}.tmp"
        fd = -1
        while fd < 0 and self._spare:
            try:
                os.rename(self._spare.pop(), tmp)
                fd = os.open(tmp, os.O_WRONLY)
            except OSError:
                continue  # gone meanwhile: the next one, or a new file
        if fd < 0:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            # Not truncated before writing: freeing its blocks (the disk is mounted with
            # discard) would cost more than the new inode saved.
            os.ftruncate(fd, len(data))
        finally:
            os.close(fd)
        os.replace(tmp, self._report_dir / name)

    def _report_item(self, item: Any) -> None:
        # allure-commons' own serialisation, written through _put_file.
        indent = INDENT if os.environ.get("ALLURE_INDENT_OUTPUT") else None
        data = asdict(item, filter=lambda _, v: v or v is False)
        text = io.StringIO()
        json.dump(data, text, indent=indent, ensure_ascii=False)
        self._put_file(item.file_pattern.format(prefix=uuid.uuid4()), text.getvalue().encode("utf-8"))

    def _attached_file(self, source: Any, file_name: str) -> None:
        self._put_file(file_name, Path(source).read_bytes())

    def _attached_data(self, body: Any, file_name: str) -> None:
        self._put_file(file_name, body.encode("utf-8") if isinstance(body, str) else bytes(body))

    # For harness.report.allure.ResultWriter: work for the writer's thread, and the writes it does.
    def submit(self, work: Callable[..., Any], *args: Any) -> None:
        self._queue.put((work, args))

    write_result = _report_item
    write_data = _attached_data
    write_file = _attached_file

    # The results are handed over once allure-pytest is done with them (closed), so the
    # writer serialises what the synchronous logger would have.
    @hookimpl
    def report_result(self, result: Any) -> None:
        self._queue.put((self._report_item, (result,)))

    @hookimpl
    def report_container(self, container: Any) -> None:
        self._queue.put((self._report_item, (container,)))

    @hookimpl
    def report_attached_file(self, source: Any, file_name: str) -> None:
        self._queue.put((self._attached_file, (source, file_name)))

    @hookimpl
    def report_attached_data(self, body: Any, file_name: str) -> None:
        self._queue.put((self._attached_data, (body, file_name)))

    @hookimpl
    def report_globals(self, globals_item: Any) -> None:
        self._queue.put((self._report_item, (globals_item,)))


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
