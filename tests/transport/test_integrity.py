"""The checks of the verified exchange that need no board: sums, load answers, tracebacks."""

from __future__ import annotations

import pytest

from harness.transport.integrity import (
    LOAD,
    OutOfSync,
    check_answer,
    fletcher,
    load_answer,
    load_code,
)


def test_fletcher_sees_a_drop_a_garble_and_two_garbles_that_cancel_in_the_plain_sum():
    data = b"print(1, 'abc')\n" * 10
    base = fletcher(data)
    assert fletcher(data[:5] + data[6:]) != base  # dropped byte
    assert fletcher(data[:5] + bytes([data[5] ^ 0x20]) + data[6:]) != base  # garbled byte
    swapped = bytearray(data)
    swapped[3] += 1
    swapped[40] -= 1  # the plain sum stays, the position-weighted one does not
    assert sum(swapped) == sum(data) and fletcher(bytes(swapped)) != base


def test_load_code_is_printable_except_nothing_and_runs_under_cpython_too():
    code = b"print('\\x04 and \\x01 are fine')\nx = '\x03\x04\x01'\n\xc3\xa9 = 1\n"
    text = load_code(code, "n0nce")
    assert all(32 <= byte < 127 or byte == 10 for byte in text)  # no control byte travels
    # The load program is plain Python: CPython computes what the board will print.
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(text.decode(), {})
    assert out.getvalue() == load_answer(code, "n0nce")
    assert "{" not in LOAD.format(code="b''", mod=1, nonce="n")  # all placeholders filled


@pytest.mark.parametrize("stderr, exception", [
    ('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n'
     '  File "<string>", line 2, in <module>\nValueError: 3\n', "ValueError"),
    ("", None),
    ('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n'
     "MemoryError: memory allocation failed, allocating 472 bytes\n", "MemoryError"),
])
def test_answers_of_the_program_pass(stderr, exception):
    check_answer(stderr, exception)


@pytest.mark.parametrize("stderr, exception", [
    # A damaged traceback header: read as "no exception" it could have been a PASS.
    ('Tracebuck (most recent call last):\n  File "<string>", line 2\nValueError: 3\n', None),
    # The line that starts the program failed: the program never ran.
    ('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n'
     "NameError: name 'exes' isn't defined\n", "NameError"),
])
def test_damaged_answers_are_link_failures(stderr, exception):
    with pytest.raises(OutOfSync):
        check_answer(stderr, exception)
