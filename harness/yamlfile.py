"""YAML loading with line numbers, so every error can name file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from harness.errors import HarnessError

LineMap = dict[tuple, int]
# libyaml's parser where PyYAML was built with it: the same nodes and marks, about ten times
# faster than the pure-Python one (features.yaml and a baseline are read by every run).
SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path | str, loader: type = SafeLoader) -> tuple[Any, LineMap]:
    """Load a YAML file; return the data and a map from key paths to 1-based line numbers."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise HarnessError(f"cannot read: {getattr(err, 'strerror', None) or err}", where=path)
    parser = loader(text)
    try:  # parsed once: the data is constructed from the same nodes that give the lines
        node = parser.get_single_node()
        data = parser.construct_document(node) if node is not None else None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise HarnessError(f"invalid YAML: {problem}", where=path, line=mark.line + 1 if mark else None)
    finally:
        parser.dispose()
    lines: LineMap = {}
    if node is not None:
        _walk(node, (), lines)
    return data, lines


def _walk(node: yaml.Node, prefix: tuple, lines: LineMap) -> None:
    lines[prefix] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[prefix + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, prefix + (key,), lines)
            lines[prefix + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, prefix + (index,), lines)
