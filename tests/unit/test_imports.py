"""What starting a run imports: neither numpy nor matplotlib (seconds of start-up). Only the
instruments' analysis and the dashboard's trend plots, at the end of a run, need them."""

import subprocess
import sys

CODE = """
import sys
import harness.plugin, harness.session, harness.store
from harness.report import dashboard
print(sorted({"numpy", "matplotlib"} & set(sys.modules)))
"""


def test_starting_a_run_imports_neither_numpy_nor_matplotlib():
    proc = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
