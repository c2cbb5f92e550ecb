"""Board health: a target that fails its probe or keeps failing its link is taken out of the
run (its remaining specs NOT-RUN, never FAIL) and the rest of the rig goes on."""

import json
import shutil
import sqlite3
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import Project

from harness.errors import HarnessError
from harness.health import Health, HealthRule, health_rule
from harness.records import Verdict

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "targets"))
from qemu_support import needs_qemu  # noqa: E402

DEBIAN_HEX = Path("/usr/share/firmware-microbit-micropython/firmware.hex")
# Run by pytest inside `harness nightly`: after the second spec on the emulator, QEMU is
# killed and its firmware taken away, so it can neither answer nor be restarted.
SABOTAGE = """\
from pathlib import Path


def pytest_runtest_teardown(item, nextitem):
    if getattr(item, "target", None) == "qemu" and item.spec.id == "h/b":
        from harness.plugin import STATE

        live = item.config.stash[STATE].session().targets["qemu"]
        firmware = Path(live.instance.firmware)
        firmware.rename(firmware.with_suffix(".gone"))
        live.instance.process.proc.kill()
"""


@pytest.mark.slow
@needs_qemu
def test_an_emulator_dying_mid_run_is_taken_offline_and_the_rest_completes(project: Project):
    firmware = project.root / "fw" / "microbit.hex"
    firmware.parent.mkdir()
    shutil.copy(DEBIAN_HEX, firmware)
    (project.root / "rigs" / "local.yaml").write_text(textwrap.dedent(f"""\
        name: health
        results: results
        targets:
          - {{name: cpython, kind: cpython}}
          - {{name: qemu, kind: qemu-microbit, firmware: {firmware}}}
          - {{name: broken, kind: qemu-microbit, qemu: {project.root / "no-such-qemu"}}}
        """))
    for name in "abcde":
        project.spec(f"h/{name}.py", f"print('{name}', 6 * 7)\n")
    (project.root / "conftest.py").write_text(SABOTAGE)

    proc = project.harness("nightly")
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr  # NOT-RUN fails nothing
    db = sqlite3.connect(project.root / "results" / "harness.sqlite")
    [(run_id, info)] = db.execute("SELECT id, info FROM runs").fetchall()
    verdicts = {(s, t): (v, r) for s, t, v, r in db.execute(
        "SELECT spec_id, target, verdict, reason FROM results WHERE run_id = ?", (run_id,))}

    assert all(verdicts[(f"h/{n}", "cpython")][0] == "PASS" for n in "abcde")  # the rest goes on
    assert [verdicts[(f"h/{n}", "qemu")][0] for n in "abcde"] == ["PASS", "PASS", "NOT-RUN", "NOT-RUN",
                                                                   "NOT-RUN"]
    assert all(verdicts[(f"h/{n}", "broken")][0] == "NOT-RUN" for n in "abcde")  # could not start
    assert "firmware not found" in verdicts[("h/c", "qemu")][1]
    assert verdicts[("h/d", "qemu")][1].startswith("target offline: health probe failed")

    offline = json.loads(info)["offline"]
    assert offline["qemu"]["at_spec"] == "h/c" and "firmware not found" in offline["qemu"]["reason"]
    assert offline["broken"]["at_spec"] is None
    assert offline["broken"]["reason"].endswith("no-such-qemu: target 'broken': QEMU binary not found")

    report = json.loads((project.root / "results" / "regressions.json").read_text())
    assert [o["target"] for o in report["offline"]] == ["broken", "qemu"]
    assert "targets taken out of the run (2):" in proc.stdout
    assert "qemu (at h/c): health probe failed" in proc.stdout
    assert "harness: target qemu taken out of the run: health probe failed" in proc.stdout  # as it happens
    markdown = (project.root / "results" / "regressions.md").read_text()
    assert "## targets taken out of the run (2)" in markdown
    matrix = json.loads((project.root / "results" / "matrix.json").read_text())
    assert {o["target"] for o in matrix["offline"]} == {"broken", "qemu"}
    assert 'id="offline"' in (project.root / "results" / "matrix.html").read_text()


def test_consecutive_infra_verdicts_take_a_target_offline():
    health = Health(HealthRule(max_infra=3, probe=False))
    try:
        assert health.after("board", Verdict.INFRA, "link lost", None) is None
        assert health.after("board", Verdict.NOT_RUN, "", None) is None  # neither breaks nor counts
        assert health.after("board", Verdict.INFRA, "link lost", None) is None
        assert health.after("other", Verdict.INFRA, "link lost", None) is None  # per target
        assert health.after("board", Verdict.PASS, "", None) is None  # a pass breaks the run
        for _ in range(2):
            assert health.after("board", Verdict.INFRA, "link lost", None) is None
        assert health.after("board", Verdict.INFRA, "no answer", None) == (
            "3 INFRA verdicts in a row (the last: no answer)")
    finally:
        health.close()


def test_health_block_of_the_rig():
    assert health_rule({}) == HealthRule(3, True)
    assert health_rule({"health": {"max_infra": 0, "probe": False}}) == HealthRule(0, False)
    with pytest.raises(HarnessError, match="health.max_infra: -1 is not a whole number"):
        health_rule({"health": {"max_infra": -1}}, "rigs/x.yaml")
    with pytest.raises(HarnessError, match="health: unknown key 'max_infr'"):
        health_rule({"health": {"max_infr": 1}}, "rigs/x.yaml")
