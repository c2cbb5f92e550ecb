"""Qualification profiles: the schema and the checks around it give one line naming file, line, key."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from harness.audit.profile import DEFAULT_MARGINS, load_profile, spec_matches
from harness.errors import HarnessError

REPO = Path(__file__).resolve().parents[2]
GOOD = """\
profile: p
phase: cdr
runs: 5
targets:
  - target: unix
specs: [determinism]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(textwrap.dedent(text))
    return path


@pytest.mark.parametrize("text, message", [
    (GOOD + "colour: red\n", "p.yaml:7: colour: unknown key"),
    (GOOD.replace("phase: cdr", "phase: pdr2"), "p.yaml:2: phase: 'pdr2' is not one of"),
    (GOOD.replace("runs: 5", "runs: many"), "p.yaml:3: runs: 'many' is not of type 'integer'"),
    (GOOD.replace("  - target: unix", "  - target: unix\n    restart: sometimes"),
     "p.yaml:6: targets.0.restart: 'sometimes' is not one of"),
    (GOOD.replace("  - target: unix", "  - target: unix\n    icount: 6\n    speed: 2"),
     "p.yaml:7: targets.0.speed: unknown key"),
    (GOOD.replace("  - target: unix", "  - target: unix\n  - target: unix"),
     "p.yaml:6: targets.1: 'unix' appears twice"),
    (GOOD.replace("  - target: unix", "  - target: qemu-microbit\n    restart: boot"),
     "p.yaml:6: targets.0.restart: boot runs need deterministic mode"),
    (GOOD + "requirements:\n  - id: R1\n    check: budget\n    budget: 5\n    resource: cpu\n",
     "p.yaml:8: requirements.0: 'metric' is a required property"),
    (GOOD + "requirements:\n  - id: R1\n    check: pass\n    targets: [board]\n",
     "p.yaml:10: requirements.0.targets: 'board' is not a target of this profile"),
    (GOOD + "requirements:\n  - {id: R1, check: pass}\n  - {id: R1, check: pass}\n",
     "p.yaml:9: requirements.1.id: 'R1' is used twice"),
    (GOOD + "deviations:\n  - requirement: R9\n    justification: because\n",
     "p.yaml:8: deviations.0.requirement: no requirement 'R9'"),
    (GOOD + "engineering_margin: 2\n", "p.yaml:7: engineering_margin: 2 is greater than the maximum"),
    ("profile: p\nphase: cdr\n  runs: [\n", "p.yaml:3: invalid YAML"),
])
def test_schema_errors_name_file_line_and_key(tmp_path, text, message):
    with pytest.raises(HarnessError) as info:
        load_profile(write(tmp_path, text))
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_defaults_follow_the_margin_table(tmp_path):
    profile = load_profile(write(tmp_path, GOOD + "margins:\n  prom: {cdr: 0.25}\n"))
    assert profile.margin("cpu") == DEFAULT_MARGINS["cpu"]["cdr"] == 0.4
    assert profile.margin("prom") == 0.25 and profile.margins["prom"]["flight"] == 0.0
    assert profile.engineering_margin == 0.2 and profile.runs == 5


def test_the_shipped_profiles_load():
    for path in sorted((REPO / "conformance" / "profiles").glob("*.yaml")):
        profile = load_profile(path)
        assert profile.requirements, path


def test_spec_patterns():
    assert spec_matches("determinism/gc_pause", "determinism")
    assert spec_matches("determinism/gc_pause", "specs/determinism/gc_pause.py")
    assert spec_matches("determinism/gc_pause", "determinism/gc_*")
    assert not spec_matches("determinism_x/a", "determinism")


def test_cli_prints_one_line_and_exits_2(tmp_path):
    path = write(tmp_path, GOOD.replace("phase: cdr", "phase: later"))
    proc = subprocess.run([sys.executable, "-m", "harness.cli", "audit", "--profile", str(path)],
                          capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"harness: error: {path}:2: phase:")
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_cli_names_a_profile_target_missing_from_the_rig(tmp_path):
    path = write(tmp_path, GOOD.replace("target: unix", "target: pyboard"))
    proc = subprocess.run([sys.executable, "-m", "harness.cli", "audit", "--profile", str(path),
                           "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert f"{path}:5: target 'pyboard' is not in rig local" in proc.stderr
    assert "Traceback" not in proc.stderr
