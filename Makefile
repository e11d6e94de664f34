# Two commands set everything up on a fresh machine:
#   make run   - create .venv, install adgmin-kg, build the graph into build/
#   make test  - create .venv, install adgmin-kg with its test tools, run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"

run: install
	$(BIN)/adgmin-kg build

test: install-test
	$(BIN)/python -m pytest

clean:
	rm -rf build .pytest_cache
