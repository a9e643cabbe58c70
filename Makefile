SHELL := /bin/bash
# TelephonyWebhooks: regenerate, check and test the SDK.
#   make generate   regenerate Sources/TelephonyWebhooks/Generated from specs/
#   make test       lint the specs, check the generated code, lint, run the tests
#   make outside    a user's package outside the repository adds a provider with sdkgen and the plugin

SWIFT ?= swift
PYTHON ?= python3
GENERATED := Sources/TelephonyWebhooks/Generated
SDKGEN := .build/debug/sdkgen
SPECS := $(wildcard specs/*.yaml)
FIXTURES := Tests/Fixtures
FORMAT_PATHS := Package.swift Sources Generator Tests Examples
SPEC_VENV := .build-venv

.PHONY: generate check-generated golden lint-specs format lint build test outside bench clean sdkgen

# A debug build: generating takes well under a second, and `swift test` reuses the build.
sdkgen:
	$(SWIFT) build --product sdkgen

generate: sdkgen
	$(SDKGEN) generate specs --output $(GENERATED)

# Fails when the checked-in code differs from what the specs generate now.
check-generated: sdkgen
	@rm -rf .build/check-generated
	$(SDKGEN) generate specs --output .build/check-generated
	@diff -ru $(GENERATED) .build/check-generated || { \
	  echo "error: $(GENERATED) is out of date with specs/; run 'make generate' and commit the result" >&2; \
	  exit 1; }
	@echo "generated code matches specs/"

# Re-records the golden files of the generator's fixture specs.
golden: sdkgen
	for spec in $(FIXTURES)/*.yaml; do \
	  $(SDKGEN) generate $$spec --output $(FIXTURES) --import TelephonyWebhooks || exit 1; \
	done

# openapi-spec-validator from PyPI, installed into a local virtual environment if absent.
lint-specs:
	@if ! $(PYTHON) -c "import openapi_spec_validator" 2>/dev/null && [ ! -x $(SPEC_VENV)/bin/openapi-spec-validator ]; then \
	  echo "installing openapi-spec-validator into $(SPEC_VENV)"; \
	  $(PYTHON) -m venv $(SPEC_VENV) && $(SPEC_VENV)/bin/pip install --quiet openapi-spec-validator \
	    || { rm -rf $(SPEC_VENV); $(PYTHON) -m pip install --quiet --user openapi-spec-validator; }; \
	fi
	@if [ -x $(SPEC_VENV)/bin/python ]; then PY=$(SPEC_VENV)/bin/python; else PY=$(PYTHON); fi; \
	$$PY -m openapi_spec_validator $(SPECS) && \
	$$PY Tests/SpecTests/check_examples.py $(SPECS)

format:
	$(SWIFT) format --in-place --recursive --parallel $(FORMAT_PATHS)

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

build:
	$(SWIFT) build

test: lint-specs check-generated lint
	$(SWIFT) test 2>&1 | tee .build/test.log; status=$${PIPESTATUS[0]}; \
	echo "test count: $$(grep -E "Test run with [0-9]+ tests" .build/test.log | tail -1)"; exit $$status

# A package outside the repository (Tests/OutsidePackage/) depends on it by path and generates a
# provider of its own, with `swift run sdkgen` and with the generate-sdk plugin; its build folder,
# .build-outside/, is reused. Prints one line; the log is .build-outside/outside.log.
outside:
	@SWIFT=$(SWIFT) bash Tests/outside-package.sh

bench:
	$(MAKE) -C Benchmarks bench


clean:
	rm -rf .build .build-* $(SPEC_VENV)
