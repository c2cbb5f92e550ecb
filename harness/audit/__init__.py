"""Determinism and timing audits for qualification reviews (``harness audit``).

- ``profile``: qualification profiles (runs, targets, budgets, margins per review phase);
- ``collect``: runs a profile's specs N times per target through the Session, stored;
- ``probe``, ``icount``, ``bootscript``: the evidence around each run (instruction counts
  in the emulator's deterministic mode, memory, heap lock);
- ``evidence``, ``stats``, ``requirements``: figures, tests and Pass/Fail from the store;
- ``document``, ``report``, ``plots``, ``allure``: the report (JSON, HTML, PDF, Allure);
- ``main``: the whole flow, for the CLI and the nightly run.
"""
