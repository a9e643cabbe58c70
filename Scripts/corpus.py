#!/usr/bin/env python3
"""Generates every spec in a folder into a scratch package outside this repository, builds it,
and prints one line per spec: operations generated of those in the spec, what was skipped and
why, lines, and generate and compile seconds.

    python3 Scripts/corpus.py FOLDER [--sdkgen PATH] [--package DIR] [--build DIR]

The scratch package (`--package`, a new folder under $TMPDIR by default) depends on this
repository by path and imports the SDK's generated SPI (`--import TelephonyWebhooks`), as a
user's own package does. `--build` keeps its build folder between runs, so that the SDK and its
dependencies are compiled once. Exits 1 when a spec does not generate, does not compile, or
its generated code compiles with warnings.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC_SUFFIXES = (".yaml", ".yml", ".json")
CONFIG_SUFFIXES = (".config.yaml", ".config.yml", ".config.json")


def specs(folder):
    return sorted(
        name for name in os.listdir(folder)
        if name.endswith(SPEC_SUFFIXES) and not name.endswith(CONFIG_SUFFIXES))


def reason_group(reason):
    """`unsupported: a request body of type application/x-www-form-urlencoded; only ...` →
    `a request body of type application/x-www-form-urlencoded`: the reason without its
    advice, names in quotes or the flag's note."""
    reason = re.sub(r" \(--skip-unsupported[^)]*\)", "", reason)
    reason = reason.split(";")[0].removeprefix("unsupported: ")
    return re.sub(r'"[^"]*"', "…", reason).strip()


def package_manifest(targets, dependency):
    name = os.path.basename(dependency.rstrip("/"))
    lines = [
        "// swift-tools-version: 6.1",
        "import PackageDescription",
        "",
        "let package = Package(",
        '  name: "SDKGenCorpus",',
        "  platforms: [.macOS(.v13)],",
        f'  dependencies: [.package(path: "{dependency}")],',
        "  targets: [",
    ]
    for target in targets:
        lines.append(
            f'    .target(name: "{target}", dependencies: [.product(name: "TelephonyWebhooks", package: "{name}")]),')
    lines += ["  ]", ")", ""]
    return "\n".join(lines)


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--sdkgen", default=os.path.join(ROOT, ".build/debug/sdkgen"))
    parser.add_argument("--package", default=None)
    parser.add_argument("--build", default=None)
    parser.add_argument("--swift", default=os.environ.get("SWIFT", "swift"))
    args = parser.parse_args()

    package = args.package or tempfile.mkdtemp(prefix="sdkgen-corpus-")
    if os.path.commonpath([os.path.abspath(package), ROOT]) == ROOT:
        sys.exit("error: the scratch package must be outside this repository")
    build = args.build or os.path.join(package, ".build")
    shutil.rmtree(os.path.join(package, "Sources"), ignore_errors=True)
    os.makedirs(os.path.join(package, "Sources"), exist_ok=True)

    results = []
    failed = False
    for name in specs(args.folder):
        spec = os.path.join(args.folder, name)
        target = "Corpus" + re.sub(r"[^A-Za-z0-9]", "", os.path.splitext(name)[0].title())
        output = os.path.join(package, "Sources", target)
        start = time.monotonic()
        result = run([args.sdkgen, "generate", "--skip-unsupported", "--import", "TelephonyWebhooks",
                      spec, "--output", output])
        seconds = time.monotonic() - start
        entry = {"name": name, "target": target, "generate": seconds, "skipped": Counter()}
        for line in result.stderr.splitlines():
            match = re.search(r": warning: skipped (operation|webhook|schema) .*?: (.*)$", line)
            if match:
                entry["skipped"][f"{match.group(1)}: {reason_group(match.group(2))}"] += 1
        summary = re.search(r"(\d+) of (\d+) operations?, (\d+) types?, (\d+) webhooks?", result.stdout)
        if result.returncode != 0 or not summary:
            errors = [line for line in result.stderr.splitlines() if ": error: " in line]
            entry["error"] = errors[0] if errors else result.stderr.strip().splitlines()[-1:]
            failed = True
            shutil.rmtree(output, ignore_errors=True)
        else:
            entry["operations"], entry["spec_operations"] = int(summary.group(1)), int(summary.group(2))
            entry["webhooks"] = int(summary.group(4))
            entry["lines"] = sum(
                sum(1 for _ in open(os.path.join(output, file), encoding="utf-8"))
                for file in os.listdir(output) if file.endswith(".swift"))
        results.append(entry)

    generated = [entry for entry in results if "error" not in entry]
    with open(os.path.join(package, "Package.swift"), "w") as manifest:
        manifest.write(package_manifest([entry["target"] for entry in generated], ROOT))
    swift_build = [args.swift, "build", "--package-path", package, "--scratch-path", build]
    if generated:
        start = time.monotonic()
        result = run(swift_build + ["--target", "TelephonyWebhooks"])
        print(f"corpus: the SDK and its dependencies built in {time.monotonic() - start:.1f} s"
              + ("" if result.returncode == 0 else " (failed)"))
        if result.returncode != 0:
            print(result.stdout[-3000:] + result.stderr[-3000:])
            return 1
    for entry in generated:
        start = time.monotonic()
        result = run(swift_build + ["--target", entry["target"]])
        entry["compile"] = time.monotonic() - start
        # A warning in the generated code fails the corpus as an error does: a user's build
        # shows it. Sources/ is written anew each run, so every target compiles and warns again.
        source = os.path.join(package, "Sources", entry["target"]) + os.sep
        warnings = sorted({line for line in (result.stdout + result.stderr).splitlines()
                           if ": warning: " in line and source in line})
        if warnings:
            entry["warnings"] = f"{len(warnings)} warnings, first: {warnings[0]}"
            failed = True
        if result.returncode != 0:
            lines = (result.stdout + result.stderr).splitlines()
            errors = [line for line in lines if ": error: " in line]
            first = errors[0] if errors else next((line for line in lines if "error" in line), lines[-1:] or "?")
            entry["compile_error"] = f"does not compile ({len(errors)} errors), first: {first}"
            failed = True

    for entry in results:
        if "error" in entry:
            print(f"{entry['name']}: does not generate: {entry['error']}")
            continue
        share = 100 * entry["operations"] / entry["spec_operations"] if entry["spec_operations"] else 100
        skipped = "; ".join(f"{count} {reason}" for reason, count in sorted(entry["skipped"].items()))
        status = entry.get("compile_error", "compiles" + (f" with {entry['warnings']}" if "warnings" in entry else ""))
        print(
            f"{entry['name']}: {entry['operations']}/{entry['spec_operations']} operations ({share:.0f}%), "
            f"{entry['webhooks']} webhooks, {entry['lines']} lines, generate {entry['generate']:.2f} s, "
            f"compile {entry['compile']:.1f} s, {status}; skipped: {skipped or 'nothing'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
