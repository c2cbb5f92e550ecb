# The two commands: `make run` and `make test`. Each sets up what it needs first.
VENV    ?= .venv
PYTHON  ?= python3
BIN     := $(VENV)/bin
STAMPS  := .harness-cache/stamps

.PHONY: run test setup firmware firmware-pyboard lint bench faults clean

# The Allure report is generated even when the run has FAILs (exit 1); make's status is the run's,
# or the report's failure when the run passed.
run: setup firmware
	@status=0; $(BIN)/harness run || status=$$?; \
	if [ $$status -le 1 ]; then \
	  $(BIN)/harness allure || { s=$$?; [ $$status -ne 0 ] || status=$$s; }; \
	fi; \
	exit $$status

test: setup firmware
	$(BIN)/python -m pytest

setup: $(STAMPS)/system $(STAMPS)/venv $(STAMPS)/node $(STAMPS)/labgrid

$(STAMPS)/system: tools/setup-system
	tools/setup-system
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/venv: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@mkdir -p $(STAMPS) && touch $@

# labgrid (the pyproject extra `labgrid`) in a venv of its own: it depends on pyserial-labgrid,
# which installs the same `serial` package as pyserial. The harness runs its labgrid-client.
LABGRID_VENV := .venv-labgrid
$(STAMPS)/labgrid: pyproject.toml $(STAMPS)/system
	$(LABGRID_VENV)/bin/python -m pip --version >/dev/null 2>&1 || $(PYTHON) -m venv --clear $(LABGRID_VENV)
	$(PYTHON) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["labgrid"], sep="\n")' > $(LABGRID_VENV)/requirements.txt
	$(LABGRID_VENV)/bin/python -m pip install -q -r $(LABGRID_VENV)/requirements.txt
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/node: package.json $(STAMPS)/system
	npm install --no-audit --no-fund --silent
	@mkdir -p $(STAMPS) && touch $@

# MicroPython 1.29 for QEMU (mpy-cross, MPS2_AN385, MICROBIT) from $$MICROPY_SRC or the vendored
# tarball; the harness rebuilds only when the source changed, and goes on without it when there is none.
firmware: setup
	$(BIN)/harness firmware build --if-available

# Optional: the real Pyboard's image (a .dfu for `harness firmware flash`).
firmware-pyboard: setup
	$(BIN)/harness firmware build --board PYBV11

lint: setup
	$(BIN)/ruff check harness tests

bench: setup
	$(BIN)/harness bench

# 500 specs through a fault-injecting link to QEMU's micro:bit: no wrong verdict, no lost result.
faults: setup
	$(BIN)/harness faults

clean:
	rm -rf results .harness-cache
