SHELL := /bin/bash
# TelephonyWebhooks: regenerate, check and test the SDK.
#   make generate   regenerate Sources/TelephonyWebhooks/Generated from specs/
#   make test       lint the specs, check the generated code, lint, run the tests
#   make outside    a user's package outside the repository adds a provider with sdkgen and the plugin
#   make docs       build the DocC site into .build/docs (DOCS_BASE_PATH=/TelephonyWebhooks/ to host it there)
#   make corpus CORPUS=folder   generate and compile every spec in a folder, outside this package
#   make example-hummingbird   build and test the webhook receivers on Hummingbird (Examples/)

SWIFT ?= swift
SWIFTC ?= swiftc
PYTHON ?= python3
GENERATED := Sources/TelephonyWebhooks/Generated
SDKGEN := .build/debug/sdkgen
# Every spec in specs/; a spec's config file (`<spec>.config.yaml`) is not a spec.
SPECS := $(filter-out %.config.yaml %.config.yml %.config.json,$(wildcard specs/*.yaml specs/*.yml specs/*.json))
# This project's own specs, held to the house style of Tests/SpecTests/check_examples.py (seed
# examples, descriptions everywhere). Any other spec in specs/ gets openapi-spec-validator and
# `sdkgen validate` only, unless it is added here or its config says `houseStyle: true`.
HOUSE_SPECS := specs/api4com.yaml specs/plusofon.yaml specs/thulium.yaml
FIXTURES := Tests/Fixtures
FORMAT_PATHS := Package.swift Sources Generator Plugins Tests Examples
SPEC_VENV := .build-venv

HUMMINGBIRD_EXAMPLE := Examples/HummingbirdReceiver
HUMMINGBIRD_BUILD := .build-hummingbird

.PHONY: generate check-generated check-warnings golden lint-specs signer-deps format lint build test docs outside walkthrough example-hummingbird bench clean sdkgen corpus

# A debug build: generating takes well under a second, and `swift test` reuses the build.
sdkgen:
	$(SWIFT) build --product sdkgen

generate: sdkgen
	$(SDKGEN) generate specs --output $(GENERATED)

# Fails when the checked-in code differs from what the specs generate now.
check-generated: sdkgen
	@$(SDKGEN) generate specs --output $(GENERATED) --check || { \
	  echo "error: $(GENERATED) is out of date with specs/; run 'make generate' and commit the result" >&2; \
	  exit 1; }
	@echo "generated code matches specs/"

# Re-records the golden files of the generator's fixture specs.
golden: sdkgen
	for spec in $(filter-out %.config.yaml,$(wildcard $(FIXTURES)/*.yaml $(FIXTURES)/*.json)); do \
	  $(SDKGEN) generate $$spec --output $(FIXTURES) --import TelephonyWebhooks --regenerate-command "make golden" \
	    || exit 1; \
	done

# Generated code has no warnings: the library (with the providers' generated code) and the fixture
# clients, type-checked with warnings as errors against the modules the build made. A package name,
# as SwiftPM passes one, so that `package` declarations are seen as they are in the build.
check-warnings:
	$(SWIFT) build --target FixtureClients
	@modules="$$($(SWIFT) build --show-bin-path)/Modules"; \
	$(SWIFTC) -typecheck -warnings-as-errors -module-name TelephonyWebhooks -package-name TelephonyWebhooks -I "$$modules" \
	  $$(find Sources/TelephonyWebhooks -name '*.swift' | sort) && \
	$(SWIFTC) -typecheck -warnings-as-errors -module-name FixtureClients -I "$$modules" $(FIXTURES)/*.swift && \
	echo "no warnings in $(GENERATED) or $(FIXTURES)"

# openapi-spec-validator from PyPI, installed into a local virtual environment if absent; then the
# house style for HOUSE_SPECS, then the generator's own validation for every spec.
lint-specs: sdkgen
	@if ! $(PYTHON) -c "import openapi_spec_validator" 2>/dev/null && [ ! -x $(SPEC_VENV)/bin/openapi-spec-validator ]; then \
	  echo "installing openapi-spec-validator into $(SPEC_VENV)"; \
	  $(PYTHON) -m venv $(SPEC_VENV) && $(SPEC_VENV)/bin/pip install --quiet openapi-spec-validator \
	    || { rm -rf $(SPEC_VENV); $(PYTHON) -m pip install --quiet --user openapi-spec-validator; }; \
	fi
	@if [ -x $(SPEC_VENV)/bin/python ]; then PY=$(SPEC_VENV)/bin/python; else PY=$(PYTHON); fi; \
	$$PY Tests/SpecTests/lint_specs.py $(foreach spec,$(filter $(HOUSE_SPECS),$(SPECS)),--house $(spec)) $(SPECS)
	$(SDKGEN) validate specs

# The independent webhook signer that the signature tests run (Tests/TelephonyWebhooksTests/
# Fixtures/Signer) needs `cryptography` from PyPI in the Python the tests pick: .build-venv's when
# it exists, else python3. Installed there (a new .build-venv if need be) when it is absent.
signer-deps:
	@if [ -x $(SPEC_VENV)/bin/python ]; then PY=$(SPEC_VENV)/bin/python; else PY=$(PYTHON); fi; \
	if ! $$PY -c "import cryptography" 2>/dev/null; then \
	  echo "installing cryptography into $(SPEC_VENV)"; \
	  { [ -x $(SPEC_VENV)/bin/python ] || $(PYTHON) -m venv $(SPEC_VENV); } \
	    && $(SPEC_VENV)/bin/pip install --quiet cryptography \
	    || $(PYTHON) -m pip install --quiet --user cryptography; \
	fi

format:
	$(SWIFT) format --in-place --recursive --parallel $(FORMAT_PATHS)

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

build:
	$(SWIFT) build

# Every test is a Swift Testing test: XCTest, which would only report "Executed 0 tests", is off.
# Swift Testing's last line is the one test count. The test product and the example program are
# built by name: a bare `swift test` builds every target, the GenerateSDK plugin too, whose sdkgen
# SwiftPM builds a second time for the host (OpenAPIKit, Yams and the generator again, about a
# minute of a clean build on 2 cores) although no test runs it; `make outside` runs the plugin.
test: lint-specs signer-deps check-generated lint
	$(SWIFT) build --product TelephonyWebhooksPackageTests
	$(SWIFT) build --product TelephonyWebhooksExample
	$(SWIFT) test --skip-build --disable-xctest
	@$(MAKE) --no-print-directory check-warnings
	@# A docc warning (a broken link in a doc comment or an article) fails here, before it can land.
	@$(MAKE) --no-print-directory docs

# The DocC site of the TelephonyWebhooks module, from the toolchain's own docc: symbol graphs
# extracted from the debug build that `make test` already made (no second build with other flags),
# then the catalog. Any docc warning fails it, so a broken link cannot land.
DOCS_OUTPUT := .build/docs
DOCS_GRAPHS := .build/docs-symbol-graphs
DOCS_CATALOG := Sources/TelephonyWebhooks/TelephonyWebhooks.docc
DOCS_BASE_PATH ?=
DOCC ?= $(shell $(SWIFT) -print-target-info | $(PYTHON) -c \
  'import json, sys; print(json.load(sys.stdin)["paths"]["runtimeResourcePath"] + "/../../bin/docc")')

docs:
	$(SWIFT) build --target TelephonyWebhooks
	@rm -rf $(DOCS_GRAPHS) $(DOCS_OUTPUT) && mkdir -p $(DOCS_GRAPHS)
	$(SWIFT) symbolgraph-extract -module-name TelephonyWebhooks -minimum-access-level public -emit-extension-block-symbols \
	  -I "$$($(SWIFT) build --show-bin-path)/Modules" \
	  -target "$$($(SWIFT) -print-target-info | $(PYTHON) -c 'import json, sys; print(json.load(sys.stdin)["target"]["triple"])')" \
	  $$(command -v xcrun >/dev/null && echo -sdk "$$(xcrun --show-sdk-path)") \
	  -output-dir $(DOCS_GRAPHS)
	"$(DOCC)" convert $(DOCS_CATALOG) --additional-symbol-graph-dir $(DOCS_GRAPHS) --output-dir $(DOCS_OUTPUT) \
	  --fallback-display-name TelephonyWebhooks --fallback-bundle-identifier TelephonyWebhooks \
	  --transform-for-static-hosting $(if $(DOCS_BASE_PATH),--hosting-base-path $(DOCS_BASE_PATH)) \
	  --warnings-as-errors 2>&1 | tee .build/docs.log; status=$${PIPESTATUS[0]}; \
	if [ $$status -ne 0 ] || grep -q "warning:" .build/docs.log; then \
	  echo "error: docc reported problems (see above); fix them: make docs treats warnings as errors" >&2; exit 1; fi
	@# docc's own root page finds no documentation at `/`: send a visitor to the module's page.
	@printf '%s\n' '<!DOCTYPE html>' '<meta charset="utf-8">' '<title>TelephonyWebhooks</title>' \
	  '<meta http-equiv="refresh" content="0; url=documentation/telephonywebhooks/">' \
	  '<a href="documentation/telephonywebhooks/">TelephonyWebhooks documentation</a>' > $(DOCS_OUTPUT)/index.html
	$(PYTHON) Tests/DocsTests/check_site.py $(DOCS_OUTPUT) $(DOCS_GRAPHS) $(DOCS_BASE_PATH)

# A package outside the repository (Tests/OutsidePackage/) depends on it by path and generates a
# provider of its own, with `swift run sdkgen` and with the generate-sdk plugin; its build folder,
# .build-outside/, is reused. Prints one line; the log is .build-outside/outside.log.
outside:
	@SWIFT=$(SWIFT) bash Tests/outside-package.sh

# The README's Extending walkthrough on a scratch copy in .build-walkthrough/ (kept, so later runs
# build incrementally): getBalance added to specs/plusofon.yaml and a spec without descriptions beside
# it, then make generate and make test there, calling both over HTTP on 127.0.0.1.
walkthrough:
	@$(PYTHON) Tests/Walkthrough/readme_walkthrough.py

# The webhook receivers on Hummingbird 2: a package of its own with its own build folder, so
# that the library's users and `make test` never build Hummingbird. A fresh build takes minutes.
example-hummingbird:
	$(SWIFT) build --build-tests --package-path $(HUMMINGBIRD_EXAMPLE) --scratch-path $(HUMMINGBIRD_BUILD)
	$(SWIFT) test --skip-build --disable-xctest --package-path $(HUMMINGBIRD_EXAMPLE) --scratch-path $(HUMMINGBIRD_BUILD)

# Benchmarks against swift-openapi-generator (Benchmarks/RESULTS.md); never part of `make test`.
# `make bench SPECS=folder` measures that folder's published specs instead of ../shared/realspecs.
bench:
	$(MAKE) -C Benchmarks bench $(if $(filter command line,$(origin SPECS)),SPECS=$(abspath $(SPECS)))

# Published specs (such as ../shared/realspecs): each generated with --skip-unsupported into a
# scratch package outside this one, which is then built; one line per spec. A warning in the
# generated code fails it, as in check-warnings. The scratch
# package's build folder is kept in .build-corpus so that the SDK is compiled once.
CORPUS ?= ../shared/realspecs
# One per checkout (a hash of its path), so two checkouts' runs never write into each other's.
CORPUS_PACKAGE ?= $(or $(TMPDIR),/tmp)/sdkgen-corpus-$(shell id -u)-$(shell printf %s '$(CURDIR)' | cksum | cut -d' ' -f1)
corpus: sdkgen
	$(PYTHON) Scripts/corpus.py $(CORPUS) --sdkgen $(SDKGEN) --package $(CORPUS_PACKAGE) --build $(CURDIR)/.build-corpus


clean:
	rm -rf .build .build-* $(SPEC_VENV)
