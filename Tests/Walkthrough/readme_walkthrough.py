#!/usr/bin/env python3
"""Does what the README's "Extending" section tells a newcomer to do, on a scratch copy of the repo.

Usage (from the repository root, as `make walkthrough` runs it):
    python3 Tests/Walkthrough/readme_walkthrough.py [SCRATCH_FOLDER]

1. Copies the repository's tracked files into SCRATCH_FOLDER (default `.build-walkthrough/repo`).
   The copy and its `.build` folder are kept between runs, and a file is rewritten only when its
   contents changed, so a second run builds incrementally.
2. Adds the README's `getBalance` YAML to `specs/plusofon.yaml`, taken from the README itself, and
   adds a spec of a user's own with no descriptions at all (`specs/acme.yaml`).
3. Runs `make generate`; builds and runs the tests that call `getBalance()` and the user's spec's
   operation over HTTP on 127.0.0.1, with the generator's tests (which describe the specs); then
   `make test`'s lint: the spec lint, the generated-code check and the format lint.

Prints one line on success; on failure, the failing step and the end of its output. The whole log
is in SCRATCH_FOLDER/../walkthrough.log.
"""

import os
import re
import shutil
import subprocess
import sys
import time

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# A spec as a user writes one for a provider of their own: nothing described but what OpenAPI
# itself requires (a response's `description`).
USER_SPEC = """openapi: 3.1.0
info:
  title: Acme
  version: '1'
servers:
  - url: https://api.acme.example
security:
  - key: []
paths:
  /ping:
    get:
      operationId: ping
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pong'
components:
  securitySchemes:
    key:
      type: apiKey
      in: header
      name: X-Key
  schemas:
    Pong:
      type: object
      properties:
        ok:
          type: boolean
"""

# The README promises `Plusofon.Client` gains `getBalance() async throws -> Balance`, "with auth,
# headers and typed errors wired as for every other operation": this test holds it to that.
TEST = """import Foundation
import TelephonyWebhooks
import TestSupport
import Testing

/// Written by the README walkthrough (Tests/Walkthrough/readme_walkthrough.py); not in the repository.
@Suite struct WalkthroughTests {
  @Test func getBalanceIsCalledOverHTTPWithAuth() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"balance":1234.5}"#))

      let balance: Plusofon.Balance = try await server.plusofon().getBalance()

      let request = try #require(server.lastRequest)
      #expect(request.method == "GET")
      #expect(request.path == "/payment/balance")
      expectPlusofonAuth(request)
      #expect(balance.balance == 1234.5)
    }
  }

  @Test func getBalanceThrowsTheTypedError() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"success":false,"message":"Unauthenticated."}"#, status: 401))
      let error = try await #require(throws: APIError.self) { try await server.plusofon().getBalance() }
      #expect(error.operationID == "getBalance")
      #expect(error.messages == ["Unauthenticated."])
      #expect(error.errorBody is Plusofon.ErrorResponse)
    }
  }

  @Test func aUsersOwnSpecWithoutDescriptionsGivesAWorkingClient() async throws {
    try await TestServer.with { server in
      server.enqueue(.json(#"{"ok":true}"#))
      let pong = try await Acme.Client(serverURL: server.baseURL, key: "acme-key").ping()
      let request = try #require(server.lastRequest)
      #expect(request.path == "/ping")
      #expect(request.header("X-Key") == "acme-key")
      #expect(pong.ok == true)
    }
  }
}
"""


class StepFailed(Exception):
    pass


def tracked_files():
    output = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True
    ).stdout.decode()
    return [path for path in output.split("\0") if path and os.path.isfile(os.path.join(ROOT, path))]


def write_if_changed(path, data):
    """Rewrites a file only when its bytes differ, so the build sees unchanged files as unchanged."""
    if os.path.exists(path):
        with open(path, "rb") as handle:
            if handle.read() == data:
                return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def sync(scratch):
    """Makes `scratch` hold exactly the repository's tracked files (plus build folders)."""
    files = tracked_files()
    for path in files:
        with open(os.path.join(ROOT, path), "rb") as handle:
            write_if_changed(os.path.join(scratch, path), handle.read())
    wanted = set(files)
    for folder, subfolders, names in os.walk(scratch):
        relative = os.path.relpath(folder, scratch)
        subfolders[:] = [name for name in subfolders if not name.startswith(".build")]
        for name in names:
            path = os.path.normpath(os.path.join(relative, name))
            if path not in wanted:
                os.remove(os.path.join(folder, name))


def readme_yaml(readme):
    """The YAML block of the README's "Extending" section."""
    section = readme[readme.index("## Extending"):]
    match = re.search(r"```yaml\n(.*?)```", section, re.S)
    if not match:
        raise StepFailed("the README's Extending section has no ```yaml block")
    return match.group(1)


def add_to_spec(spec_text, snippet):
    """Adds the snippet's paths and component schemas to a spec, as a person would paste them."""
    lines = spec_text.splitlines(keepends=True)
    snippet_lines = snippet.splitlines(keepends=True)

    def block(key, indent):
        """The snippet's lines under `key:` at `indent`."""
        start = snippet_lines.index(" " * indent + key + ":\n")
        body = []
        for line in snippet_lines[start + 1:]:
            if line.strip() and len(line) - len(line.lstrip()) <= indent:
                break
            body.append(line)
        return body

    def insert_after(marker, new_lines, after=None):
        begin = lines.index(after) if after else 0
        index = lines.index(marker, begin)
        lines[index + 1:index + 1] = new_lines

    insert_after("paths:\n", block("paths", 0))
    insert_after("  schemas:\n", block("schemas", 2), after="components:\n")
    return "".join(lines)


def run(step, command, cwd, log, environment):
    log.write(f"\n$ {' '.join(command)}\n")
    log.flush()
    result = subprocess.run(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=environment)
    if result.returncode != 0:
        raise StepFailed(f"{step}: `{' '.join(command)}` exited with {result.returncode}")


def main(argv):
    scratch = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(ROOT, ".build-walkthrough", "repo"))
    log_path = os.path.join(os.path.dirname(scratch), "walkthrough.log")
    os.makedirs(scratch, exist_ok=True)
    started = time.monotonic()
    environment = dict(os.environ)
    venv_python = os.path.join(ROOT, ".build-venv", "bin", "python")
    if os.path.exists(venv_python):
        # openapi-spec-validator, as make test installed it for the repository.
        environment["PYTHON"] = venv_python
    with open(log_path, "w", encoding="utf-8") as log:
        try:
            sync(scratch)
            with open(os.path.join(scratch, "README.md"), encoding="utf-8") as handle:
                snippet = readme_yaml(handle.read())
            spec_path = os.path.join(scratch, "specs", "plusofon.yaml")
            with open(spec_path, encoding="utf-8") as handle:
                spec = add_to_spec(handle.read(), snippet)
            document = yaml.safe_load(spec)
            if document["paths"]["/payment/balance"]["get"]["operationId"] != "getBalance":
                raise StepFailed("the README's YAML did not add getBalance to specs/plusofon.yaml")
            write_if_changed(spec_path, spec.encode())
            write_if_changed(os.path.join(scratch, "specs", "acme.yaml"), USER_SPEC.encode())
            write_if_changed(
                os.path.join(scratch, "Tests", "TelephonyWebhooksTests", "WalkthroughTests.swift"), TEST.encode()
            )
            run("make generate", ["make", "generate"], scratch, log, environment)
            generated = os.path.join(scratch, "Sources", "TelephonyWebhooks", "Generated")
            with open(os.path.join(generated, "Plusofon.swift"), encoding="utf-8") as handle:
                if "public func getBalance() async throws -> Balance" not in handle.read():
                    raise StepFailed("make generate did not give Plusofon.Client getBalance() async throws -> Balance")
            if not os.path.exists(os.path.join(generated, "Acme.swift")):
                raise StepFailed("make generate did not generate Acme.swift from specs/acme.yaml")
            # The build, then the calls over HTTP, and the generator's tests, which describe the specs.
            run(
                "swift test",
                ["swift", "test", "--disable-xctest", "--filter", "WalkthroughTests|GeneratorTests"],
                scratch,
                log,
                environment,
            )
            run("make test's lint", ["make", "lint-specs", "check-generated", "lint"], scratch, log, environment)
        except StepFailed as failure:
            log.flush()
            with open(log_path, encoding="utf-8") as handle:
                tail = handle.read().splitlines()[-40:]
            print("\n".join(tail), file=sys.stderr)
            print(f"error: README walkthrough failed at {failure} (log: {log_path})", file=sys.stderr)
            return 1
    seconds = time.monotonic() - started
    print(
        "README walkthrough: getBalance added to a scratch copy's specs/plusofon.yaml and a spec without "
        "descriptions beside it; make generate, the build, both called over HTTP, the generator's tests "
        f"and make test's lint passed in {seconds:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
