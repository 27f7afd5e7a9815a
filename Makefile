# One entry point for people and CI. `make` alone runs the tests and the linters.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all install demo test lint format serve bench clean

all: test lint

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: install  ## ingest the sample minutes into the embedded store and serve the explorer (PORT=8080 make demo)
	$(BIN)/samkarta demo $(if $(PORT),--port $(PORT))

test: install  ## the whole suite, with a real Neo4j (started by scripts/neo4j-server) and Chromium
	@echo "Neo4j for the tests: scripts/neo4j-server build (the first time downloads and builds it, a few minutes)"
	scripts/neo4j-server build
	$(BIN)/python -m pytest

lint: install  ## ruff check + format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

serve: install
	$(BIN)/samkarta serve $(if $(PORT),--port $(PORT))

bench: install
	$(BIN)/python benchmarks/extract_throughput.py --docs 2000

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
