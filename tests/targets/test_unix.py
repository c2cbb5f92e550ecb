"""The unix target against the real MicroPython PC port, in its in-process worker."""

import os

import pytest

from harness.targets import TargetConfig, create_target


@pytest.fixture
def unix():
    target = create_target(TargetConfig("unix", "unix", {"heapsize": "256k"}))
    target.start()
    yield target
    target.stop()


def test_output_exit_code_and_exception(unix, make_spec):
    out = unix.run(make_spec("a", "print('x', 2 ** 65)\nimport sys\nsys.exit(3)\n"))
    assert (out.stdout, out.exit_code, out.exception) == ("x 36893488147419103232\n", 3, None)
    out = unix.run(make_spec("b", "print('before')\nraise KeyError(1)\n"))
    assert out.stdout == "before\n"
    assert out.exception == "KeyError" and "Traceback" in out.stderr


def test_globals_do_not_leak_between_specs(unix, make_spec):
    unix.run(make_spec("set", "leak = 1\n"))
    out = unix.run(make_spec("get", "print('leak' in globals())\n"))
    assert out.stdout == "False\n"


def test_hang_times_out_and_next_spec_runs(unix, make_spec):
    pid = unix._worker.proc.pid
    out = unix.run(make_spec("hang", "while True:\n    pass\n", header="# feature: a.b\n# timeout: 0.5\n"))
    assert out.timed_out and "worker replaced" in out.detail
    assert unix.run(make_spec("ok", "print(1)\n")).stdout == "1\n"
    assert unix._worker.proc.pid != pid


def test_crash_replaces_the_worker(unix, make_spec):
    crash = make_spec("crash", "import uctypes\nprint(uctypes.bytes_at(0, 16))\n")
    out = unix.run(crash)
    assert out.crashed and "SIGSEGV" in out.detail
    assert unix.run(make_spec("ok", "print(2)\n")).stdout == "2\n"


def test_heap_exhaustion_is_a_memory_error(unix, make_spec):
    out = unix.run(make_spec("big", "x = bytearray(10 * 1024 * 1024)\n"))
    assert out.exception == "MemoryError"


def test_worker_runs_in_a_scratch_directory(unix, make_spec):
    out = unix.run(make_spec("cwd", "import os\nprint(os.getcwd())\n"))
    assert out.stdout.strip() != os.getcwd()
    assert "harness-unix-" in out.stdout


def test_identity_and_capabilities(unix):
    ident = unix.identity()
    assert ident.implementation.startswith("micropython 1.")
    caps = unix.capabilities()
    assert {"json", "micropython", "gc"} <= caps.modules
    assert "pyb" not in caps.modules
    assert "native" in caps.modes


def test_the_worker_retires_before_the_ports_heap_leak_exhausts_it(monkeypatch, make_spec):
    # The port leaves its heap behind after every run; under the worker's address-space
    # limit the run after ~500 specs crashed (SIGSEGV). A small limit makes that ~60 here.
    import harness.targets.unix as unix_module

    monkeypatch.setattr(unix_module, "WORKER_MEMORY", 160 << 20)
    target = create_target(TargetConfig("unix", "unix", {"heapsize": "2M"}))
    spec = make_spec("small", "print(sum(range(10)))\n")
    try:
        outcomes = [target.run(spec) for _ in range(120)]
    finally:
        target.stop()
    assert [o for o in outcomes if o.crashed or o.timed_out or o.stdout != "45\n"] == []


def test_the_workers_files_are_in_memory_not_on_disk(unix, make_spec):
    from harness.sandbox import RAM_DIR_MIN_FREE, filesystem_type

    room = os.statvfs("/dev/shm") if os.path.isdir("/dev/shm") else None
    if not room or filesystem_type("/dev/shm") != "tmpfs" or room.f_bavail * room.f_frsize < RAM_DIR_MIN_FREE:
        pytest.skip("no tmpfs with room at /dev/shm")
    cwd = unix.run(make_spec("cwd", "import os\nprint(os.getcwd())\n")).stdout.strip()
    assert filesystem_type(cwd) in ("tmpfs", "ramfs")


def test_a_spec_sent_ahead_runs_while_the_harness_is_busy_and_is_collected(unix, make_spec):
    import time

    slow = make_spec("slow", "import time\ntime.sleep(0.3)\nprint('slept')\n")
    assert unix.send_ahead(slow)
    assert not unix.send_ahead(make_spec("other", "print(0)\n"))  # one at a time
    time.sleep(0.5)  # the harness storing the previous result: the worker runs meanwhile
    started = time.perf_counter()
    out = unix.run(slow)
    assert time.perf_counter() - started < 0.25  # only collected: it ran during the sleep
    assert (out.stdout, out.exit_code) == ("slept\n", 0)
    assert 0.29 < out.duration_s < 0.45  # the port's own time, not the time it waited
    assert unix.run(make_spec("next", "print(3)\n")).stdout == "3\n"


def test_a_spec_sent_ahead_but_not_asked_for_is_waited_out(unix, make_spec):
    unix.send_ahead(make_spec("unwanted", "print('unwanted')\n"))
    assert unix.run(make_spec("wanted", "print('wanted')\n")).stdout == "wanted\n"
    pid = unix._worker.proc.pid
    hang = make_spec("hang", "while True:\n    pass\n", header="# feature: a.b\n# timeout: 0.5\n")
    unix.send_ahead(hang)
    assert unix.run(make_spec("after", "print('after')\n")).stdout == "after\n"
    assert unix._worker.proc.pid != pid  # the hung worker was replaced, no later than its timeout


def test_a_hang_sent_ahead_times_out_from_when_it_was_sent(unix, make_spec):
    import time

    hang = make_spec("hang", "while True:\n    pass\n", header="# feature: a.b\n# timeout: 0.5\n")
    unix.send_ahead(hang)
    time.sleep(0.6)
    started = time.perf_counter()
    out = unix.run(hang)
    assert out.timed_out and "worker replaced" in out.detail
    assert time.perf_counter() - started < 0.3
    assert unix.run(make_spec("ok", "print(1)\n")).stdout == "1\n"


def test_a_spare_worker_is_ready_when_the_worker_retires(monkeypatch, make_spec):
    """The worker says it retires soon some runs ahead; the spare started then takes over
    (instead of a start of 0.1 s in the middle of the run), and stop() ends it too."""
    import harness.targets.unix as unix_module

    monkeypatch.setattr(unix_module, "WORKER_MEMORY", 160 << 20)
    target = create_target(TargetConfig("unix", "unix", {"heapsize": "2M"}))
    spec = make_spec("small", "print(sum(range(10)))\n")
    spare_pid = None
    try:
        for _ in range(200):
            assert target.run(spec).stdout == "45\n"
            if spare_pid is None and target._spare is not None:
                spare_pid = target._spare.proc.pid
                first = target._worker.proc.pid
            if spare_pid is not None and target._worker is not None and target._worker.proc.pid != first:
                break
        assert spare_pid is not None, "the worker never said it retires soon"
        assert target._worker.proc.pid == spare_pid  # the spare took over
        spare = target._spare
    finally:
        target.stop()
    assert target._spare is None and (spare is None or spare.proc.poll() is not None)
