"""The code base stays ruff-clean (ruff is in the dev extra that `make test` installs)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_ruff_is_clean():
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        ruff = shutil.which("ruff")
    if not ruff:
        pytest.skip("ruff is not installed")
    proc = subprocess.run([str(ruff), "check", "harness", "tests", "tools"], cwd=REPO,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
