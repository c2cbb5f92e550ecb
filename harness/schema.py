"""JSON-schema validation of loaded files, with errors that name file, key and line."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from harness.errors import HarnessError
from harness.yamlfile import LineMap


@cache
def load_schema(name: str) -> dict[str, Any]:
    text = resources.files("harness.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


def validate(data: Any, schema_name: str, where: Path | str, lines: LineMap | None = None) -> None:
    """Raise HarnessError for the first (shallowest) schema violation."""
    validator = jsonschema.Draft202012Validator(load_schema(schema_name))
    # unevaluatedProperties errors follow from another failure in the same object (a
    # failed if/then leaves its keys unevaluated): report the cause first.
    errors = sorted(validator.iter_errors(data), key=lambda e: (
        e.validator == "unevaluatedProperties", len(e.absolute_path), str(e.path)))
    if not errors:
        return
    err = errors[0]
    path = tuple(err.absolute_path)
    key = ".".join(str(p) for p in path) or "(top level)"
    line = None
    if lines:
        probe = path
        while probe and probe not in lines:
            probe = probe[:-1]
        line = lines.get(probe)
    message = err.message
    if err.validator == "additionalProperties":
        message = message.replace("Additional properties are not allowed", "unknown key")
    elif err.validator == "unevaluatedProperties":
        message = message.replace("Unevaluated properties are not allowed", "unknown key")
    raise HarnessError(f"{key}: {message}", where=where, line=line)
