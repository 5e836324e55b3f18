# newsdocs: `make site` sets everything up and builds; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install lock vendor pages site serve review check zensical test test-fast eval bench lint format clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/lock.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/lock.txt -e '.[test]'
	touch $(STAMP)

# The exact versions of everything installed, from the ranges in pyproject.toml.
lock: $(STAMP)
	{ echo "# The exact versions the site is built and tested with (make install uses them as"; \
	  echo "# constraints). Written by \`make lock\` from the ranges in pyproject.toml; Dependabot updates it."; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^newsdocs'; } > requirements/lock.txt

pages: $(STAMP)
	$(BIN)/newsdocs pages$(if $(FORCE), --force)

site: pages
	$(BIN)/mkdocs build --strict

serve: pages
	$(BIN)/mkdocs serve

# The entity pages most likely wrong, each with the entities.yml lines that would fix it.
review: pages
	$(BIN)/newsdocs review

# The same archive built by Zensical (Material's successor, which runs no MkDocs plugin):
# the archive core writes every page into build/zensical/, and Zensical builds from there.
zensical: pages
	$(BIN)/python -m build_tools.archive.export --out build/zensical
	cd build/zensical && ../../$(BIN)/zensical build --strict

test: $(STAMP)
	bash .ci/setup-browser
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not model and not corpus and not browser"

eval: $(STAMP)
	$(BIN)/python -m tools.evaluate_run

bench: $(STAMP)
	$(BIN)/python -m tools.bench

# Third-party files from the npm registry: the map's libraries (Leaflet, Natural Earth
# outlines) into the package, axe-core (the accessibility test's checker) into tests/vendor/.
vendor: $(STAMP)
	$(BIN)/python tools/vendor.py

# The contributor's one command before pushing (and CI's first step): lint, page contract,
# pages in step with the sources, entities.yml, a strict build, links and anchors, workflows.
check: lint
	$(BIN)/python -m tools.check

lint: $(STAMP)
	$(BIN)/ruff check build_tools tools tests
	$(BIN)/ruff format --check build_tools tools tests

format: $(STAMP)
	$(BIN)/ruff format build_tools tools tests
	$(BIN)/ruff check --fix build_tools tools tests

clean:
	rm -rf site build .newsdocs-cache .pytest_cache
