"""Just enough SCPI parsing for an instrument server: headers in short or long form, any
case, numeric suffixes, ``;``-separated commands, and mnemonic arguments."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NODE = re.compile(r"^([A-Za-z_*]+?)(\d*)$")


class Vocabulary:
    """Mnemonics written as SCPI documents them ("CHANnel": short form CHAN, long CHANNEL)."""

    def __init__(self, words: list[str]):
        self._lookup: dict[str, str] = {}
        for word in words:
            short = "".join(c for c in word if c.isupper() or c == "*")
            for spelling in {short or word.upper(), word.upper()}:
                self._lookup.setdefault(spelling, word)

    def canonical(self, token: str) -> str | None:
        """``chan1`` -> ``CHANnel1``; None for an unknown mnemonic."""
        match = _NODE.match(token)
        if not match:
            return None
        word = self._lookup.get(match.group(1).upper())
        return None if word is None else word + match.group(2)


@dataclass(frozen=True)
class Command:
    header: str  # canonical, numeric suffixes replaced by "#": ":CHANnel#:SCALe"
    numbers: tuple[int, ...]  # the suffixes, in order
    query: bool
    args: tuple[str, ...]
    text: str  # as received


def split_program(line: str) -> list[str]:
    """``:A 1;:B?`` -> [":A 1", ":B?"]; a part without a leading colon or star keeps the
    previous part's path (SCPI's compound commands)."""
    parts, path = [], ""
    for raw in line.split(";"):
        part = raw.strip()
        if not part:
            continue
        if not part.startswith((":", "*")) and path:
            part = path + ":" + part
        header = part.split(" ", 1)[0]
        if not header.startswith("*"):
            path = header.rsplit(":", 1)[0]
        parts.append(part)
    return parts


def parse(text: str, vocabulary: Vocabulary) -> Command | None:
    """One command; None when its header holds an unknown mnemonic."""
    header, _, rest = text.strip().partition(" ")
    query = header.endswith("?")
    header = header.rstrip("?")
    nodes, numbers = [], []
    for token in header.lstrip(":").split(":"):
        word = vocabulary.canonical(token)
        if word is None:
            return None
        match = _NODE.match(word)
        assert match is not None
        if match.group(2):
            numbers.append(int(match.group(2)))
            word = match.group(1) + "#"
        nodes.append(word)
    prefix = "" if header.startswith("*") else ":"
    args = tuple(a.strip() for a in rest.split(",")) if rest.strip() else ()
    return Command(prefix + ":".join(nodes), tuple(numbers), query, args, text.strip())
