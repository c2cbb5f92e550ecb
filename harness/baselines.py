"""Per-target baselines: ``conformance/baselines/<target>.yaml``, every known difference with a reason.

    target: unix
    differences:
      - spec: language/descriptors/set_name_hook     # a spec id, or a glob
        reason: MicroPython does not call __set_name__
      - feature: stdlib.cmath.*                     # or a feature id glob
        reason: ...
        verdict: RESOURCE                           # optional: documented verdict
      - spec: builtins/numeric/pow_float
        mode: mpy                                   # optional: only in this run mode
        reason: mpy-cross folds float constants in double precision
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path

from harness.errors import HarnessError
from harness.records import MODE_ORDER, BaselineEntry, Spec, Verdict
from harness.yamlfile import load_yaml

_KEYS = {"spec", "feature", "reason", "verdict", "actual", "mode"}
_DOCUMENTED = {Verdict.RESOURCE.value, Verdict.UNSUPPORTED.value, Verdict.TIMEOUT.value,
               Verdict.CRASH.value}


class Baseline:
    """Known differences of one target, looked up by spec id first, then by feature."""

    def __init__(self, target: str, entries: list[BaselineEntry]):
        self.target = target
        self.entries = entries
        # A spec may have one entry for every mode and one for a single mode: the
        # mode's own entry first.
        self._exact: dict[str, list[BaselineEntry]] = {}
        for entry in sorted(entries, key=lambda e: e.mode is None):
            if entry.spec and not _is_glob(entry.spec):
                self._exact.setdefault(entry.spec, []).append(entry)
        self._globs = [e for e in entries if not (e.spec and not _is_glob(e.spec))]

    def lookup(self, spec: Spec, mode: str = "bytecode") -> BaselineEntry | None:
        """The entry documenting the spec in this run mode (an entry with ``mode:`` applies
        to that mode only; the others to every mode)."""
        for entry in self._exact.get(spec.id, ()):
            if entry.mode in (None, mode):
                return entry
        for entry in self._globs:
            if entry.mode not in (None, mode):
                continue
            if entry.spec and fnmatchcase(spec.id, entry.spec):
                return entry
            if entry.feature and fnmatchcase(spec.feature, entry.feature):
                return entry
        return None

    @classmethod
    def empty(cls, target: str) -> Baseline:
        return cls(target, [])


def _is_glob(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def load_baseline(path: Path, target: str) -> Baseline:
    """Load a baseline file; a missing file is an empty baseline."""
    if not path.exists():
        return Baseline.empty(target)
    data, lines = load_yaml(path)
    if data is None:
        return Baseline.empty(target)
    if not isinstance(data, dict):
        raise HarnessError("expected a mapping with 'target' and 'differences'", where=path)
    unknown = set(data) - {"target", "differences"}
    if unknown:
        key = sorted(unknown)[0]
        raise HarnessError(f"unknown key {key!r}", where=path, line=lines.get((key,)))
    items = data.get("differences") or []
    if not isinstance(items, list):
        raise HarnessError("'differences' must be a list", where=path, line=lines.get(("differences",)))
    entries = []
    for index, item in enumerate(items):
        line = lines.get(("differences", index))
        if not isinstance(item, dict):
            raise HarnessError("each difference must be a mapping", where=path, line=line)
        bad = set(item) - _KEYS
        if bad:
            raise HarnessError(f"unknown key {sorted(bad)[0]!r}", where=path, line=line)
        if not (item.get("spec") or item.get("feature")):
            raise HarnessError("a difference needs 'spec' or 'feature'", where=path, line=line)
        if not str(item.get("reason") or "").strip():
            raise HarnessError("a difference needs a one-line 'reason'", where=path, line=line)
        mode = item.get("mode")
        if mode is not None and mode not in MODE_ORDER:
            raise HarnessError(f"unknown mode {mode!r} (known: {', '.join(MODE_ORDER)})", where=path,
                               line=line)
        verdict = item.get("verdict")
        if verdict is not None and verdict not in _DOCUMENTED:
            raise HarnessError(
                f"verdict {verdict!r} cannot be documented (use one of {sorted(_DOCUMENTED)})",
                where=path,
                line=line,
            )
        entries.append(
            BaselineEntry(
                target=target,
                reason=" ".join(str(item["reason"]).split()),
                spec=str(item["spec"]) if item.get("spec") else None,
                feature=str(item["feature"]) if item.get("feature") else None,
                verdict=verdict,
                actual=item.get("actual"),
                where=f"{path}:{line}",
                mode=mode,
            )
        )
    return Baseline(target, entries)
