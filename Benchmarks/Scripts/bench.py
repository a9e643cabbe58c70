#!/usr/bin/env python3
"""Measures sdkgen against swift-openapi-generator side by side and writes Benchmarks/RESULTS.md.

`make bench` builds the tools first and then runs this script; see Benchmarks/Makefile. Every
number in RESULTS.md comes from one run of this script. BENCH_RUNS sets the number of timed
runs of each generator and compiler invocation (5 by default); medians are reported.

    bench.py [--specs FOLDER]...
    bench.py --only generation|runtime|requests|receiver|signatures|naming ...
                                        those sections alone, as JSON

The published specs are every .yaml, .yml and .json file of each FOLDER (by default
../shared/realspecs beside the repository, when it exists); they are measured beside this
project's three specs and the synthetic ones.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

import before
import loopback
import report
from common import (BENCH, CONFIG, SWIFTC, MODULES, PARSE_FLOOR, ROOT, RUNS, RUNTIME_BENCH, SDKGEN, THEIRS, WORK,
                    annotate, callgrind, last_line, log, median, run, stripped, swift_lines)

HOUSE_SPECS = ["api4com", "plusofon", "thulium"]
SCALE = [100, 200, 400]
DEFAULT_PUBLISHED = ROOT.parent / "shared/realspecs"
# A compile whose warm-up takes longer than this keeps its warm-up as a sample and gets at most
# LARGE_RUNS samples: the file cache is warm by then, and the run stays within its time.
LARGE_COMPILE_SECONDS = 10
LARGE_RUNS = min(RUNS, int(os.environ.get("BENCH_LARGE_RUNS", "3")))
# A compile slower than this is measured once (its warm-up run): a minute or more, for which the
# spread of runs is far below the targets' margins.
HUGE_COMPILE_SECONDS = 30
# Likewise a spec whose generation by swift-openapi-generator takes longer than this.
LARGE_GENERATION_SECONDS = 3

METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def load_spec(path):
    text = Path(path).read_text()
    return json.loads(text) if str(path).endswith(".json") else yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def count_operations(path):
    document = load_spec(path)
    return sum(1 for item in (document.get("paths") or {}).values() if isinstance(item, dict)
               for key in item if key in METHODS)


def published_specs(folders):
    specs = {}
    for folder in folders:
        for path in sorted(Path(folder).iterdir()):
            if path.suffix in (".yaml", ".yml", ".json") and ".config." not in path.name:
                specs[path.stem] = path
    return specs


# 1 and 2: generation time and output size

def ours_command(spec, output, *extra):
    return [SDKGEN, "generate", spec, "--output", output, *extra]


def theirs_command(spec, output):
    return [THEIRS, "generate", spec, "--config", CONFIG, "--mode", "types", "--mode", "client",
            "--output-directory", output]


def sdkgen_flags(spec):
    """sdkgen's flags for `spec`: none, or --skip-unsupported when it needs it to generate."""
    with tempfile.TemporaryDirectory(dir=WORK) as folder:
        try:
            run(ours_command(spec, folder))
            return [], None
        except RuntimeError as error:
            first = last_line(error)
        try:
            run(ours_command(spec, folder, "--skip-unsupported"))
            return ["--skip-unsupported"], first
        except RuntimeError:
            raise RuntimeError(first) from None


def generation(specs):
    results = {}
    for name, spec in specs.items():
        log(f"generation: {name}")
        ours_out, theirs_out = WORK / "gen/ours" / name, WORK / "gen/theirs" / name
        entry = {"ours": [], "theirs": [], "floor": [], "ours_error": None, "theirs_error": None, "flags": [],
                 "before": [], "before_error": None if before.available() else "not built (`make before`)"}
        runs = RUNS
        try:
            warm_up = run(theirs_command(spec, theirs_out))  # warm-up, and does it work at all?
            if warm_up.wall > LARGE_GENERATION_SECONDS:
                runs = LARGE_RUNS
        except RuntimeError as error:
            entry["theirs_error"] = last_line(error)
        try:
            entry["flags"], entry["without_flags"] = sdkgen_flags(spec)
            entry["summary"] = run(ours_command(spec, ours_out, *entry["flags"])).stdout.strip()
        except RuntimeError as error:
            entry["ours_error"] = str(error)[:300]
        try:
            run([PARSE_FLOOR, spec])
        except RuntimeError as error:
            entry["floor_error"] = last_line(error)
        before_out = WORK / "gen/before" / name
        if not entry["before_error"] and not entry["ours_error"]:
            try:
                before.generate(spec, before_out, entry["flags"])  # warm-up, and does it work at all?
            except RuntimeError as error:
                entry["before_error"] = last_line(error)
        entry["runs"] = runs
        for _ in range(runs):  # Alternated, so that drift of the machine's speed hits all alike.
            if not entry["ours_error"]:
                entry["ours"].append(run(ours_command(spec, ours_out, *entry["flags"])))
            if not entry["theirs_error"]:
                entry["theirs"].append(run(theirs_command(spec, theirs_out)))
            if not entry.get("floor_error"):
                entry["floor"].append(run([PARSE_FLOOR, spec]))
            if not entry["before_error"] and not entry["ours_error"]:
                entry["before"].append(before.generate(spec, before_out, entry["flags"]))
        entry["size_ours"] = None if entry["ours_error"] else swift_lines(ours_out)
        entry["size_theirs"] = None if entry["theirs_error"] else swift_lines(theirs_out)
        entry["operations"] = count_operations(spec)
        results[name] = entry
    return results


def scale_instructions(generated, specs):
    """sdkgen's instructions on each synthetic spec (callgrind): the scale check without the
    machine's load, which bent the times of issue 16's run (5.29× for 4× the operations, where
    instructions grew 3.88×)."""
    binary = stripped(SDKGEN)
    for n in SCALE:
        name = f"synthetic-{n}"
        if generated.get(name) and not generated[name]["ours_error"]:
            log(f"generation: callgrind sdkgen on {name}")
            generated[name]["instructions"] = callgrind(
                [binary, "generate", specs[name], "--output", WORK / "gen/scale", *generated[name]["flags"]])


def conversions(specs):
    """The normalize stage's 3.0 → 3.1 conversion alone, in process (ParseFloor convert)."""
    results = {}
    for name, spec in specs.items():
        log(f"conversion: {name}")
        try:
            results[name] = json.loads(run([PARSE_FLOOR, "convert", spec, max(RUNS, 5)]).stdout)
        except (RuntimeError, ValueError) as error:
            results[name] = {"error": last_line(error)}
    return results


# 3: compile time

def compile_sources(generated, published):
    """Every variant to compile, as files: ours and theirs per spec, and the hand-written Plusofon."""
    variants = {}
    for name in HOUSE_SPECS + list(published):
        entry = generated[name]
        if not entry["ours_error"]:
            folder = WORK / "compile-src/ours" / name
            spec = published.get(name, ROOT / f"specs/{name}.yaml")
            run(ours_command(spec, folder, "--import", "TelephonyWebhooks", *entry["flags"]))
            variants[(name, "ours")] = sorted(folder.glob("*.swift"))
        if not entry["theirs_error"]:
            variants[(name, "theirs")] = sorted((WORK / "gen/theirs" / name).glob("*.swift"))
    variants[("plusofon", "hand")] = sorted((BENCH / "Sources/HandPlusofon").glob("*.swift"))
    floor = WORK / "compile-src/imports-only.swift"
    floor.write_text("import Foundation\nimport HTTPTypes\nimport OpenAPIRuntime\n"
                     "import OpenAPIURLSession\nimport TelephonyWebhooks\n")
    variants[("plusofon", "imports")] = [floor]
    return variants


def build_runtime_module():
    """Our runtime alone (Sources/TelephonyWebhooks/Runtime) as a prebuilt module, like
    swift-openapi-runtime is for theirs; the generated file then compiles against it."""
    modules = WORK / "modules"
    modules.mkdir(parents=True, exist_ok=True)
    sources = sorted((ROOT / "Sources/TelephonyWebhooks/Runtime").rglob("*.swift"))
    run(["swiftc", "-emit-module", "-emit-module-path", modules / "TelephonyWebhooks.swiftmodule",
         "-module-name", "TelephonyWebhooks", "-package-name", "bench", "-parse-as-library",
         "-Onone", "-swift-version", "6", "-I", MODULES, *sources])
    return modules


def compile_command(module, files, runtime_modules):
    return [*SWIFTC, "-module-name", module, "-I", runtime_modules, "-I", MODULES, *files,
            "-o", f"{module}.o"]


def compile_once(key, files, runtime_modules):
    with tempfile.TemporaryDirectory(dir=WORK) as folder:
        return run(compile_command("Bench" + key[1].capitalize(), files, runtime_modules), folder)


def compile_times(variants, runtime_modules):
    samples = {key: [] for key in variants}
    errors = {}
    large = {}
    for round_index in range(RUNS + 1):  # The first round warms the file cache and is dropped.
        log(f"compile: round {round_index + 1} of {RUNS + 1}")
        for key, files in variants.items():
            if key in errors or (key in large and len(samples[key]) >= large[key]):
                continue
            try:
                measured = compile_once(key, files, runtime_modules)
            except RuntimeError as error:
                errors[key] = last_line(error)
                continue
            if round_index == 0 and measured.wall > LARGE_COMPILE_SECONDS:
                large[key] = 1 if measured.wall > HUGE_COMPILE_SECONDS else LARGE_RUNS
            if round_index or key in large:
                samples[key].append(measured)
    results = {key: {"wall": median([s.wall for s in values]), "cpu": median([s.cpu for s in values]),
                     "peak_mib": median([s.peak_mib for s in values]), "runs": len(values)}
               for key, values in samples.items() if values}
    for key, error in errors.items():
        results[key] = {"error": error}
    return results


COUNTERS = {"SIL functions": "SILModule.NumSILGenFunctions", "IR functions": "IRModule.NumIRFunctions",
            "LLVM instructions": "IRModule.NumIRInsts", "object bytes": "LLVM.NumLLVMBytesOutput"}


def compile_phases(variants, runtime_modules, keys):
    """Where compiles spend their time, from -stats-output-dir: a profile of the compiler by phase."""
    phases = {"import": "Import resolution", "typecheck": "perform-sema", "SILGen": "SILGen",
              "SIL opt": "SIL optimization", "IRGen": "IRGen"}
    results = {}
    for key in keys:
        if key not in variants:
            continue
        with tempfile.TemporaryDirectory(dir=WORK) as folder:
            command = compile_command("Bench" + key[1].capitalize(), variants[key], runtime_modules)
            try:
                run([*command, "-stats-output-dir", folder], folder)
            except RuntimeError:
                continue
            stats = json.loads(next(Path(folder).glob("*.json")).read_text())
        total = next(value for name, value in stats.items()
                     if name.startswith("time.swift-frontend.") and name.endswith(".wall"))
        row = {label: stats.get(f"time.swift.{name}.wall", 0.0) for label, name in phases.items()}
        row["LLVM, object, rest"] = total - sum(row.values())
        row["total"] = total
        for label, name in COUNTERS.items():
            row[label] = next((value for stat, value in stats.items() if stat.endswith(name)), None)
        results[key] = row
    return results


# 4: runtime cost

def runtime():
    log("runtime: timing (RuntimeBench)")
    results = json.loads(run([RUNTIME_BENCH, str(4 * RUNS + 1)]).stdout)
    # Instructions per call, which the machine's load cannot disturb: the difference between two
    # callgrind runs of different lengths removes the setup.
    binary = stripped(RUNTIME_BENCH)
    counts = {"decode": (1, 3), "encode": (500, 2500)}
    results["instructions"] = {}
    for case, (short, long) in counts.items():
        for client in ["ours", "theirs", "hand"]:
            log(f"runtime: callgrind {case} {client}")
            first = callgrind([binary, "profile", case, client, short])
            second = callgrind([binary, "profile", case, client, long],
                               WORK / f"callgrind.{case}.{client}.out")
            results["instructions"].setdefault(case, {})[client] = (second - first) / (long - short)
    return results


# Profiles

def profile_table(profile, total, own_modules, count=12):
    """The top functions by own cost, and the top functions whose mangled names start with one of
    `own_modules` by inclusive cost (async continuation parts and recursion duplicates left out)."""
    from common import demangle
    own = annotate(profile, inclusive=False)[:count]
    inclusive = [(cost, symbol) for cost, symbol in annotate(profile, inclusive=True)
                 if symbol.startswith(own_modules) and "'" not in symbol
                 and not re.search(r"T[QY]\d+_$", symbol)][:count]
    lines = ["| own instructions | % | function |", "| ---: | ---: | --- |"]
    for (cost, _), name in zip(own, demangle([symbol for _, symbol in own])):
        lines.append(f"| {cost:,} | {100 * cost / total:.1f} | `{name[:150]}` |")
    lines += ["", "| inclusive instructions | % | function |", "| ---: | ---: | --- |"]
    for (cost, _), name in zip(inclusive, demangle([symbol for _, symbol in inclusive])):
        lines.append(f"| {cost:,} | {100 * cost / total:.1f} | `{name[:150]}` |")
    return "\n".join(lines)


def generation_profile(spec, flags):
    binary = stripped(SDKGEN)
    profile = WORK / "callgrind.sdkgen.out"
    total = callgrind([binary, "generate", spec, "--output", WORK / "gen/profile", *flags], profile)
    # Our stages, and the two Yams entry points: compose (for the source map) and YAMLDecoder.
    return total, profile_table(profile, total, ("$s10SDKGenCore", "$s4Yams7compose", "$s4Yams11YAMLDecoderC6decode_4from8userInfo"), 14)


def generation_ratio(entry):
    if entry["ours_error"] or entry["theirs_error"]:
        return None
    return median([m.wall for m in entry["theirs"]]) / median([m.wall for m in entry["ours"]])


SECTIONS = ["generation", "runtime", "requests", "receiver", "signatures", "naming"]


def partial(sections, folders):
    """Only `sections` of the benchmark, for checking a change: their results as JSON, and the
    tables of the generation's before column, the naming and the signature sections in
    .build-bench/partial.md (RESULTS.md untouched)."""
    WORK.mkdir(parents=True, exist_ok=True)
    results = {"load_before": os.getloadavg()}
    markdown = []
    published = published_specs(folders)
    if "generation" in sections:
        (WORK / "specs").mkdir(parents=True, exist_ok=True)
        specs = {name: ROOT / f"specs/{name}.yaml" for name in HOUSE_SPECS}
        for n in SCALE:
            path = WORK / f"specs/synthetic-{n}.yaml"
            run([sys.executable, BENCH / "Scripts/synthetic_spec.py", n, path])
            specs[f"synthetic-{n}"] = path
        specs.update(published)
        generated = generation(specs)
        scale_instructions(generated, specs)
        if before.available():
            before.generation_instructions(specs, generated)
        results["generation"] = {
            name: {"ours_ms": median([m.wall for m in entry["ours"]]) * 1e3,
                   "theirs_ms": median([m.wall for m in entry["theirs"]]) * 1e3,
                   "before_ms": median([m.wall for m in entry["before"]]) * 1e3,
                   "ours_peak_mib": median([m.peak_mib for m in entry["ours"]]),
                   "theirs_peak_mib": median([m.peak_mib for m in entry["theirs"]]),
                   "instructions": entry.get("instructions"), "callgrind": entry.get("callgrind"),
                   "errors": [entry["ours_error"], entry["theirs_error"], entry["before_error"]]}
            for name, entry in generated.items()}
        markdown += report.generation_before(generated, published)
    if "naming" in sections:
        generated = {name: {"flags": sdkgen_flags(spec)[0]} for name, spec in published.items()
                     if name in before.NAMING_SPECS}
        naming = before.naming(published, generated, build_runtime_module(), compile_command)
        results["naming"] = {f"{k[0]}/{k[1]}": v for k, v in naming.items()}
        markdown += report.naming(naming)
    if "runtime" in sections:
        results["runtime"] = runtime()
    if "requests" in sections:
        results["requests"] = loopback.requests()
        results["request_instructions"] = loopback.request_instructions()
    if "receiver" in sections:
        results["receiver"] = loopback.receiver()
        results["receiver_instructions"] = loopback.receiver_instructions()
    if "signatures" in sections:
        results["signatures"] = loopback.signature_instructions()
        markdown += report.signatures(results["signatures"])
    results["load_after"] = os.getloadavg()
    if markdown:
        load = ", ".join(f"{value:.2f}" for value in results["load_before"])
        load_after = ", ".join(f"{value:.2f}" for value in results["load_after"])
        (WORK / "partial.md").write_text(
            f"Measured by `bench.py {' '.join('--only ' + s for s in sections)}` on {report.machine()['date']}; "
            f"load average (1, 5, 15 min) before: {load}; after: {load_after}.\n\n" + "\n".join(markdown) + "\n")
    print(json.dumps(results, indent=2, default=str))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--specs", action="append", default=[], help="a folder of published specs")
    parser.add_argument("--only", action="append", choices=SECTIONS, default=[],
                        help="measure only this section (repeatable); prints its results as JSON and leaves "
                             "RESULTS.md alone")
    arguments = parser.parse_args()
    folders = [Path(folder).resolve() for folder in arguments.specs if folder]
    if not folders and DEFAULT_PUBLISHED.is_dir():
        folders = [DEFAULT_PUBLISHED]
    if arguments.only:
        return partial(arguments.only, folders)
    for tool in [SDKGEN, THEIRS, RUNTIME_BENCH, PARSE_FLOOR, MODULES]:
        if not Path(tool).exists():
            sys.exit(f"bench.py: {tool} is missing; run `make bench`, which builds it")
    shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "specs").mkdir(parents=True)
    load_before = os.getloadavg()
    info = report.machine()

    published = published_specs(folders)
    specs = {name: ROOT / f"specs/{name}.yaml" for name in HOUSE_SPECS}
    for n in SCALE:
        path = WORK / f"specs/synthetic-{n}.yaml"
        run([sys.executable, BENCH / "Scripts/synthetic_spec.py", n, path])
        specs[f"synthetic-{n}"] = path
    specs.update(published)
    generated = generation(specs)
    scale_instructions(generated, specs)
    if before.available():
        before.generation_instructions(specs, generated)
    converted = conversions({name: specs[name] for name in HOUSE_SPECS + list(published)})

    runtime_modules = build_runtime_module()
    variants = compile_sources(generated, published)
    compiled = compile_times(variants, runtime_modules)
    phase_keys = [("plusofon", kind) for kind in ["ours", "theirs", "hand"]]
    compile_ratios = [(compiled[(name, "theirs")]["wall"] / compiled[(name, "ours")]["wall"], name)
                      for name in published if "wall" in compiled.get((name, "ours"), {})
                      and "wall" in compiled.get((name, "theirs"), {})]
    worst_compile = min(compile_ratios) if compile_ratios else None
    if worst_compile and worst_compile[0] < report.TARGETS["compile_published"]:
        phase_keys += [(worst_compile[1], "ours"), (worst_compile[1], "theirs")]
    phases = compile_phases(variants, runtime_modules, phase_keys)
    naming = before.naming(published, generated, runtime_modules, compile_command) if before.available() else {}
    runtime_results = runtime()
    request_results = loopback.requests()
    if "error" not in request_results:
        request_results["instructions"] = loopback.request_instructions()
    receiver_results = loopback.receiver()
    if "error" not in receiver_results:
        receiver_results["instructions"] = loopback.receiver_instructions()
        receiver_results["signatures"] = loopback.signature_instructions()

    profiles = []
    house = [name for name in specs if name not in published]
    worst = min(((generation_ratio(generated[name]), name) for name in house if generation_ratio(generated[name])),
                default=None)
    if worst and worst[0] < report.TARGETS["generation"]:
        log(f"profile: sdkgen on {worst[1]}")
        total, table = generation_profile(specs[worst[1]], generated[worst[1]]["flags"])
        profiles.append((f"sdkgen generate on {worst[1]} ({total:,} instructions in all)", table))
    slower = [(ratio, name) for name in specs if (ratio := generation_ratio(generated[name])) and ratio < 1]
    if slower:
        name = min(slower)[1]
        log(f"profile: sdkgen on {name}")
        total, table = generation_profile(specs[name], generated[name]["flags"])
        profiles.append((f"sdkgen generate on {name} ({total:,} instructions in all)", table))
    for case in ["decode", "encode"]:
        times = {client: runtime_results[case][client]["median_ms"] for client in ["ours", "theirs", "hand"]}
        if times["ours"] > report.TARGETS["runtime_vs_hand"] * times["hand"] or times["ours"] > times["theirs"]:
            profile = WORK / f"callgrind.{case}.ours.out"
            total = sum(cost for cost, _ in annotate(profile, inclusive=False))
            profiles.append((f"RuntimeBench {case}, our client ({total:,} instructions in all)",
                             profile_table(profile, total, ("$s17TelephonyWebhooks",))))
    perf_profiles = {}
    for concurrency in ["1", "16"]:
        clients = request_results.get("concurrency", {}).get(concurrency)
        if clients and clients["ours"]["wall_us"] > report.TARGETS["request"] * clients["hand"]["wall_us"]:
            log(f"profile: RequestBench at {concurrency}")
            perf_profiles[f"request-{concurrency}"] = loopback.request_profile(int(concurrency))
    rates = receiver_results.get("median", {})
    if rates and rates["hooks/api4com"] < report.TARGETS["receiver"] * rates["bare"]:
        log("profile: ReceiverBench")
        perf_profiles["receiver"] = loopback.receiver_profile()

    load_after = os.getloadavg()
    text = report.render(info, generated, converted, compiled, phases, runtime_results, request_results,
                         receiver_results, profiles, perf_profiles, (load_before, load_after), published, folders,
                         naming)
    (BENCH / "RESULTS.md").write_text(text)
    (WORK / "results.json").write_text(json.dumps(
        {"generation": generated, "conversion": converted,
         "compile": {f"{k[0]}/{k[1]}": v for k, v in compiled.items()},
         "compile_phases": {f"{k[0]}/{k[1]}": v for k, v in phases.items()}, "runtime": runtime_results,
         "requests": request_results, "receiver": receiver_results,
         "naming": {f"{k[0]}/{k[1]}": v for k, v in naming.items()}}, indent=2, default=str))
    print(text)


if __name__ == "__main__":
    main()
