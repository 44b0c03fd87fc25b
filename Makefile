# The README's two commands: `make demo` and `make test`. Both create .venv when missing.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

.PHONY: demo test reports bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

demo: $(PY)
	$(PY) -m pip install -q -e .
	@# exit 1 only means "findings were reported"; 2 is a real error
	$(VENV)/bin/claimcheck check fixtures/ --out reports/; test $$? -le 1

test: $(PY)
	$(PY) -m pip install -q -e '.[dev]'
	$(PY) -m pytest

reports: $(PY)
	$(PY) -m pip install -q -e .
	$(PY) -m checker.report.golden

bench: $(PY)
	$(PY) -m pip install -q -e '.[bench]'
	$(PY) bench/extract.py

clean:
	rm -rf $(VENV) .claimcheck build *.egg-info
