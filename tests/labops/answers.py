"""A named pipe that hands a spec one answer per run: how the tests make a spec flaky.

The spec (under MicroPython only, so CPython's reference stays fixed) opens the pipe, reads
one line and closes it; each opening gets the next answer. The spec only reads, which the
host sandbox allows (harness.sandbox forbids writes outside a spec's own folder). The feeder
waits for the reader to close before it offers the next answer, so answers never merge.
"""

from __future__ import annotations

import os
import select
import threading
from pathlib import Path

SPEC = """\
import sys
answer = 'ok'
if sys.implementation.name == 'micropython':
    f = open('{path}')
    answer = f.readline().strip()
    f.close()
print(answer)
"""


class Answers:
    def __init__(self, path: Path, answers: list[str]):
        self.path = path
        self.answers = list(answers)
        self.given: list[str] = []
        self._stop = False
        os.mkfifo(path)
        self._thread = threading.Thread(target=self._feed, daemon=True)
        self._thread.start()

    def spec_source(self) -> str:
        return SPEC.format(path=self.path)

    def _feed(self) -> None:
        for answer in self.answers:
            fd = os.open(self.path, os.O_WRONLY)  # blocks until the spec opens it
            try:
                if self._stop:
                    return
                os.write(fd, answer.encode() + b"\n")
                self.given.append(answer)
                poller = select.poll()
                poller.register(fd, select.POLLERR)  # the reader closed its end
                poller.poll(60_000)
            finally:
                os.close(fd)

    def close(self) -> None:
        self._stop = True
        try:  # release a feeder blocked in open() with a reader of our own
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
            self._thread.join(5)
            os.close(fd)
        except OSError:
            pass
