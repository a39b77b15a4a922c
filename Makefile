# The two commands of the README: `make demo` (the main job on examples/) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup browser virtuoso demo test clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# The browser tests drive Debian's headless Chromium; install it when it is missing (needs root or sudo).
browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y chromium chromium-driver; }

# The shared-server tests start Debian's Virtuoso 7; install it when it is missing (needs root or sudo).
virtuoso:
	@command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y virtuoso-opensource-7-bin; }

setup: $(BIN)/.installed browser virtuoso

STORE ?= samgraf-store

# The main job: parse and load the bundled examples into the embedded store, ask it a few
# questions from the query library, validate it, and draw the network as one HTML file.
demo: $(BIN)/.installed
	$(BIN)/samgraf load examples --store $(STORE)
	$(BIN)/samgraf stats --store $(STORE)
	$(BIN)/samgraf validate --store $(STORE)
	$(BIN)/samgraf query --store $(STORE) --name members_at_date --param body=RVOG --param date=2023-03-10
	$(BIN)/samgraf query --store $(STORE) --name decisions_in_period --param body=RVOG --param from=2023-01-01 --param to=2023-12-31
	$(BIN)/samgraf query --store $(STORE) --name decisions_about_agreement --param agreement=LOSUS
	$(BIN)/samgraf render --store $(STORE) -o views/examples.html

test: setup
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) build *.egg-info
