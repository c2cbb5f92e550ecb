"""Evidence per (spec, target) from the stored results of an audit run.

Everything here reads stored rows only: a report can be rebuilt from the store at any
time, and never re-runs anything.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from harness.audit import stats
from harness.audit.probe import split_mode
from harness.measure import parse_measurements, strip_measurements

TIME_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "ns": 1e-9}
# Metrics whose samples are times (or instruction counts): the i.i.d. tests and pWCET apply.
TIMING_UNITS = set(TIME_UNITS) | {"instructions"}


@dataclass
class Metric:
    name: str
    unit: str
    basis: str
    samples: list[float] = field(default_factory=list)
    per_run: list[float | None] = field(default_factory=list)  # one value per run (None: none)
    # per run: GC pauses as (start, duration) and the span they were observed in (us)
    timelines: list[tuple[list[tuple[float, float]], float | None]] = field(default_factory=list)

    def summary(self, exceedance: float) -> dict[str, Any]:
        found: dict[str, Any] = {"name": self.name, "unit": self.unit, "basis": self.basis,
                                 "samples": self.samples, "stats": stats.describe(self.samples)}
        if self.unit in TIMING_UNITS and self.samples:
            tests = stats.sample_tests(self.samples)
            found["tests"] = tests
            found["pwcet"] = stats.pwcet(self.samples, exceedance, tests)
        return found


def output_hash(row: dict[str, Any]) -> str:
    """What a run printed and how it ended, measurement lines left out."""
    text = "\0".join([strip_measurements(row["stdout"]), row["exception"] or "",
                      str(row["exit_code"] or 0)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def scope_values(measurements: dict[str, Any]) -> dict[str, tuple[float, str]]:
    """name -> (value, unit) of each scope check of a run (``harness.hardware``: the scope's
    own measurements and the host's statistics of the captured waveform, jitter included)."""
    found: dict[str, tuple[float, str]] = {}
    for check in measurements.get("checks") or []:
        if not isinstance(check, dict):
            continue
        value = check.get("value")
        if isinstance(value, int | float) and not isinstance(value, bool) and check.get("name"):
            found[str(check["name"])] = (float(value), str(check.get("unit", "")))
    return found


def waveforms(data: Any) -> list[dict[str, Any]]:
    """Waveform-like entries of the instruments' measurements: times and volts (or values)."""
    found: list[dict[str, Any]] = []
    if isinstance(data, dict):
        times = data.get("times") or data.get("t") or data.get("times_s")
        volts = data.get("volts") or data.get("v") or data.get("values")
        if isinstance(times, list) and isinstance(volts, list) and len(times) == len(volts) > 1:
            label = str(data.get("label", data.get("channel", "")))
            found.append({"times": times, "volts": volts, "label": label})
        for value in data.values():
            found.extend(waveforms(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(waveforms(value))
    return found


@dataclass
class Group:
    """All runs of one spec on one audit target."""

    spec_id: str
    feature: str
    target: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    metrics: dict[str, Metric] = field(default_factory=dict)

    def metric(self, name: str, unit: str, basis: str) -> Metric:
        if name not in self.metrics:
            self.metrics[name] = Metric(name, unit, basis)
        return self.metrics[name]

    @property
    def audit(self) -> list[dict[str, Any]]:
        return [row["measurements"].get("audit", {}) for row in self.rows]


def build_groups(rows: list[dict[str, Any]]) -> list[Group]:
    """Rows grouped by (spec, target), runs in repetition order, with their metrics."""
    groups: dict[tuple[str, str], Group] = {}
    for row in rows:
        key = (row["spec_id"], row["target"])
        if key not in groups:
            groups[key] = Group(row["spec_id"], row["feature"], row["target"])
        groups[key].rows.append(row)
    for group in groups.values():
        group.rows.sort(key=lambda r: (split_mode(r["mode"])[1] or 0, r["id"]))
        _collect_metrics(group)
    return sorted(groups.values(), key=lambda g: (g.target, g.spec_id))


def _collect_metrics(group: Group) -> None:
    runs = len(group.rows)
    for index, row in enumerate(group.rows):
        audit = row["measurements"].get("audit", {})
        boot = audit.get("restart") == "boot"
        if audit:  # the run reached the target (not decided beforehand, e.g. UNSUPPORTED by probe)
            host = group.metric("host.duration_ms", "ms",
                                "host wall clock of the cold boot and the run" if boot else
                                "host wall clock of the run (includes the link to the target)")
            _put(host, index, runs, row["duration_s"] * 1000.0)
        if "instructions" in audit:
            _put(group.metric("emu.instructions", "instructions",
                              "counted by a QEMU TCG plugin between the spec's first and last line "
                              "(interrupt handlers included)"), index, runs, float(audit["instructions"]))
            _put(group.metric("emu.virtual_us", "us",
                              "QEMU virtual clock between the same marks (-icount: instruction-driven, "
                              "plus time skipped while idle)"), index, runs, audit["virtual_ns"] / 1000.0)
        for key, value in (audit.get("memory") or {}).items():
            if key != "block_bytes":
                _put(group.metric(f"mem.{key}", "bytes", "micropython.mem_info and gc after the spec "
                                  "(harness probe)"), index, runs, float(value))
        samples, _bad = parse_measurements(row["stdout"])
        span = None
        pauses: list[tuple[float, float]] = []
        for sample in samples:
            metric = group.metric(f"spec.{sample.name}", sample.unit,
                                  "measured by the spec on the target (@measure)")
            metric.samples.append(sample.value)
            _put(metric, index, runs, sample.value, keep_max=True, add_sample=False)
            if sample.name == "gc.pause_us" and "at" in sample.attrs:
                try:
                    pauses.append((float(sample.attrs["at"]), sample.value))
                except ValueError:
                    pass
            if sample.name == "gc.span_us":
                span = sample.value
        if pauses or span is not None:
            gc_metric = group.metric("spec.gc.pause_us", "us",
                                     "measured by the spec on the target (@measure)")
            gc_metric.timelines.append((pauses, span))
        scope = row["measurements"].get("scope")
        for name, (value, unit) in scope_values(row["measurements"]).items():
            _put(group.metric(f"scope.{name}", unit, f"measured by the rig's scope {scope} "
                              "(its own measurement, or the host's from its captured waveform)"),
                 index, runs, value)


def _put(metric: Metric, index: int, runs: int, value: float, keep_max: bool = False,
         add_sample: bool = True) -> None:
    while len(metric.per_run) < runs:
        metric.per_run.append(None)
    if keep_max and metric.per_run[index] is not None:
        metric.per_run[index] = max(metric.per_run[index], value)  # type: ignore[type-var]
    else:
        metric.per_run[index] = value
    if add_sample:
        metric.samples.append(value)


def reproducibility(group: Group, tolerance: float) -> dict[str, Any]:
    """Output hashes and instruction counts across the runs: identical, or how they differ."""
    hashes = [output_hash(row) for row in group.rows]
    counts: dict[str, int] = defaultdict(int)
    for digest in hashes:
        counts[digest] += 1
    found: dict[str, Any] = {
        "runs": len(group.rows),
        "output_hashes": hashes,
        "distinct_outputs": len(counts),
        "output_counts": dict(counts),
        "outputs_identical": len(counts) == 1,
    }
    instructions = group.metrics.get("emu.instructions")
    pairs = [(v, bool(a.get("first_after_start"))) for v, a in
             zip(instructions.per_run if instructions else [], group.audit, strict=False) if v is not None]
    if pairs:
        values = [v for v, _ in pairs]
        warm = [v for v, first in pairs if not first]
        if len(warm) < 2:  # every run a cold start (boot runs): compare them all
            warm = values
        lo, hi = min(warm), max(warm)
        found["instructions"] = {
            "measured_runs": len(values), "distinct": len(set(values)), "min": min(values),
            "max": max(values), "identical": len(set(values)) == 1,
            # runs other than the first after each start of the target, where there are such
            "warm_runs": len(warm), "warm_min": lo, "warm_max": hi, "spread": hi - lo,
            "relative_spread": (hi - lo) / lo if lo else 0.0,
            "first_runs_differ": any(not lo <= v <= hi for v, first in pairs if first),
        }
    found["status"], found["explanation"] = _determinism(group, found, tolerance)
    return found


def _determinism(group: Group, found: dict[str, Any], tolerance: float) -> tuple[str, str]:
    restart = (group.audit[0] if group.audit else {}).get("restart", "none")
    counts = found.get("instructions")
    ran = [row for row in group.rows if row["measurements"].get("audit")]  # reached the target
    if not ran:
        verdicts = sorted({row["verdict"] for row in group.rows})
        return "not-run", f"the spec did not run on this target ({', '.join(verdicts)}): nothing to compare"
    if not found["outputs_identical"]:
        return "non-deterministic", (f"{found['distinct_outputs']} different outputs in {found['runs']} "
                                     "runs: "
                                     "the program's output depends on something that changes between runs")
    if counts is None:
        return "output-reproducible", ("identical output in every run; no instruction count on this target "
                                       "(timings are host-measured and vary)")
    if counts["identical"]:
        return "deterministic", (f"identical output and instruction count ({int(counts['min'])}) in all "
                                 f"{counts['measured_runs']} runs")
    spread = (f"instruction counts {int(counts['warm_min'])}..{int(counts['warm_max'])} "
              f"(spread {int(counts['spread'])}, {counts['relative_spread']:.4%})")
    if counts["warm_runs"] < counts["measured_runs"]:
        spread = f"in the {counts['warm_runs']} runs that were not the first after a start, " + spread
    if restart == "boot":
        cause = ("no host input reaches the guest during a boot run, so the spread is the program's own: "
                 "it depends on something that differs between runs (a clock, a counter, a random source)")
    else:
        cause = ("the program arrives over the UART at host-dependent moments of the emulated clock, so "
                 "the firmware's periodic interrupts fall at different points of it; boot runs "
                 "(restart: boot) remove this")
        if counts["spread"] == 0:
            cause = "identical once warm"
    if counts["first_runs_differ"]:
        cause += ("; the first run after each start of the emulator differs (first use of the firmware's "
                  f"code paths: {int(counts['min'])}..{int(counts['max'])} over all runs)")
    if counts["relative_spread"] <= tolerance:
        return "jitter", f"identical output; {spread}, within the tolerance {tolerance:.4%}: {cause}"
    return "non-deterministic", (f"identical output, but {spread}, beyond the tolerance {tolerance:.4%}: "
                                 f"{cause}")


def memory(group: Group) -> dict[str, Any]:
    """Heap and stack evidence over the runs, and the heap-lock evidence."""
    audits = group.audit
    found: dict[str, Any] = {}
    for key, pick in (("used_end", max), ("used_after_gc", max), ("free_after_gc", min),
                      ("largest_free", min), ("total", max), ("stack_limit", max)):
        values = [a["memory"][key] for a in audits if key in (a.get("memory") or {})]
        if values:
            found[key] = pick(values)
    for name, pick in (("spec.heap.peak", max), ("spec.heap.largest_block", min),
                       ("spec.heap.free_after", min), ("spec.stack.max_use", max), ("spec.stack.depth", min)):
        metric = group.metrics.get(name)
        if metric and metric.samples:
            found[name] = pick(metric.samples)
    missing = {a.get("memory_missing") for a in audits if a.get("memory_missing")}
    if missing:
        found["missing"] = sorted(missing)
    uses_lock = any(a.get("heap_lock_used") for a in audits)
    violations = [row["id"] for row, a in zip(group.rows, audits, strict=True)
                  if a.get("allocated_under_lock")]
    left_locked = [row["id"] for row, a in zip(group.rows, audits, strict=True) if a.get("heap_locked_after")]
    completed = [row["id"] for row in group.rows if row["exception"] is None and row["verdict"] in
                 ("PASS", "KNOWN-DIFF")]
    lock: dict[str, Any] = {"uses_heap_lock": uses_lock}
    if uses_lock:
        lock.update(allocated_under_lock_results=violations, left_locked_results=left_locked,
                    completed_runs=len(completed), runs=len(group.rows))
        if violations:
            lock["finding"] = (f"allocates under heap lock: MemoryError with the heap locked in "
                               f"{len(violations)} of {len(group.rows)} runs")
        elif len(completed) == len(group.rows):
            lock["finding"] = (f"no allocation under heap lock: the locked section completed in all "
                               f"{len(group.rows)} runs (an allocation there raises MemoryError)")
        else:
            lock["finding"] = f"the spec completed in {len(completed)} of {len(group.rows)} runs"
    found["heap_lock"] = lock
    return found


def gc_evidence(group: Group) -> dict[str, Any] | None:
    """GC pause distribution, maximum and minimum mutator utilisation, where the spec
    reports pauses."""
    pauses = group.metrics.get("spec.gc.pause_us")
    collects = group.metrics.get("spec.gc.collect_us")
    if pauses is None and collects is None:
        return None
    found: dict[str, Any] = {"trigger": "MicroPython collects when an allocation fails, or, with "
                                        "gc.threshold(n) set (as this spec does), after n bytes allocated"}
    if collects and collects.samples:
        found["explicit_max_us"] = max(collects.samples)
    if pauses and pauses.samples:
        found["automatic_max_us"] = max(pauses.samples)
        found["automatic_count"] = len(pauses.samples)
    utilisation: dict[str, float] = {}
    for timeline, span in pauses.timelines if pauses else []:
        if span:
            for window, value in stats.mmu(timeline, span).items():
                utilisation[window] = min(value, utilisation.get(window, 1.0))
    if utilisation:
        found["mmu"] = utilisation
    return found
