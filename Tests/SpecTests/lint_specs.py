#!/usr/bin/env python3
"""Lints OpenAPI specs as `make lint-specs` does, one `file:line:column: error:` line per problem.

Usage:
    python3 Tests/SpecTests/lint_specs.py [--house SPEC]... SPEC...

Every spec is checked by openapi-spec-validator. A spec given with `--house` (this project's own
specs), or whose config file beside it says `houseStyle: true`, is then held to the house style of
check_examples.py as well: every seed example present and valid, and everything described. Any
other spec, such as a provider's published one or a
user's own, gets nothing stricter than openapi-spec-validator here; `sdkgen validate` then checks
what the generator needs.

Prints one summary line per spec that passes; exits 1 if any spec has a problem.
"""

import os
import sys

import yaml
from check_examples import SpecChecker
from spec_locations import SpecLocations, diagnostic


def spec_validator(spec):
    """The validator class for the spec's OpenAPI version, across openapi-spec-validator releases."""
    import openapi_spec_validator as validators

    version = str(spec.get("openapi", spec.get("swagger", "")))
    if version.startswith("2"):
        return validators.OpenAPIV2SpecValidator
    if version.startswith("3.0"):
        return validators.OpenAPIV30SpecValidator
    return validators.OpenAPIV31SpecValidator


def validate(path, text, locations):
    """openapi-spec-validator's errors, each at the YAML location of the object it is about."""
    try:
        spec = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        location = (mark.line + 1, mark.column + 1) if mark else None
        return [diagnostic(path, location, f"not valid YAML: {getattr(exc, 'problem', exc)}")]
    if not isinstance(spec, dict):
        return [diagnostic(path, None, "not an OpenAPI document (the top level is not a mapping)")]
    validator = spec_validator(spec)(spec, base_uri="file://" + os.path.abspath(path))
    problems = []
    for error in validator.iter_errors():
        parts = list(getattr(error, "absolute_path", []) or [])
        message = f"{error.message} (openapi-spec-validator)"
        line = diagnostic(path, locations.locate(parts), message)
        if line not in problems:
            problems.append(line)
    return problems


def opts_in(path):
    """Whether the spec's config file (`<spec>.config.yaml` beside it) says `houseStyle: true`."""
    stem = os.path.splitext(path)[0]
    for extension in (".yaml", ".yml", ".json"):
        config = stem + ".config" + extension
        if os.path.exists(config):
            with open(config, encoding="utf-8") as handle:
                settings = yaml.safe_load(handle) or {}
            return isinstance(settings, dict) and settings.get("houseStyle") is True
    return False


def main(argv):
    house = set()
    specs = []
    arguments = iter(argv[1:])
    for argument in arguments:
        if argument == "--house":
            house.add(os.path.normpath(next(arguments, "")))
        else:
            specs.append(argument)
    if not specs:
        print(__doc__.strip().splitlines()[3].strip(), file=sys.stderr)
        return 2
    failed = False
    for path in specs:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        problems = validate(path, text, SpecLocations(text))
        summary = f"{path}: OK - valid OpenAPI (openapi-spec-validator)"
        if not problems and (os.path.normpath(path) in house or opts_in(path)):
            checker = SpecChecker(path)
            checker.check()
            problems = checker.diagnostics()
            summary = checker.summary()
        if problems:
            failed = True
            for line in problems:
                print(line, file=sys.stderr)
        else:
            print(summary)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
