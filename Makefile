# The two commands of the README: `make demo` (the main job on examples/) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup demo test clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(BIN)/.installed

demo: setup
	$(BIN)/samgraf parse examples --format json

test: setup
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) build *.egg-info
