"""What a raw-REPL target is sent: the spec without its comments, on the same lines."""

from __future__ import annotations

import subprocess
import sys

from harness.targets.repl import without_comments

SOURCE = b'''# feature: builtins.demo
# A header the target never needs.
x = "a # in a string" + '#'  # a trailing comment
doc = """
# a line of a string, not a comment
"""
    # an indented comment
print(x, doc)  # the end
def f():
    raise ValueError("line 10")
f()
'''


def test_comments_go_and_every_line_stays_where_it_was():
    sent = without_comments(SOURCE)
    assert b"feature" not in sent and b"trailing" not in sent and b"the end" not in sent
    assert sent.count(b"\n") == SOURCE.count(b"\n")
    assert len(sent) < len(SOURCE) * 0.75
    assert b'"a # in a string" + \'#\'' in sent and b"# a line of a string, not a comment" in sent
    ran = [subprocess.run([sys.executable, "-c", code.decode()], capture_output=True, text=True)
           for code in (SOURCE, sent)]
    assert ran[0].stdout == ran[1].stdout and ran[0].stdout.startswith("a # in a string#")
    # The traceback names the same line.
    assert 'line 10, in f' in ran[1].stderr
    assert ran[0].stderr.splitlines()[-3:] == ran[1].stderr.splitlines()[-3:]


def test_what_the_tokenizer_cannot_read_is_sent_as_it_is():
    for broken in (b"def f(:\n  # x\n", b"x = '''\n# open string\n", b"\xff\xfe# not utf-8\n"):
        assert without_comments(broken) is broken
    assert without_comments(b"print(1)\n") == b"print(1)\n"
