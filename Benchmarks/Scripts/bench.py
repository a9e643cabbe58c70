#!/usr/bin/env python3
"""Measures sdkgen against swift-openapi-generator side by side and writes Benchmarks/RESULTS.md.

`make bench` builds the tools first and then runs this script; see Benchmarks/Makefile. Every
number in RESULTS.md comes from one run of this script. BENCH_RUNS sets the number of timed
runs of each generator and compiler invocation (5 by default); medians are reported.
"""

import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1]
ROOT = BENCH.parent
WORK = BENCH / ".build-bench"
SDKGEN = ROOT / ".build-bench-sdkgen/release/sdkgen"
THEIRS = BENCH / ".build-static/release/swift-openapi-generator"
CONFIG = BENCH / "Scripts/openapi-generator-config.yaml"
RUNTIME_BENCH = BENCH / ".build/release/RuntimeBench"
PARSE_FLOOR = BENCH / ".build/release/ParseFloor"
MODULES = BENCH / ".build/debug/Modules"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
REAL_SPECS = ["api4com", "plusofon", "thulium"]
SCALE = [100, 200, 400]

# The compile command, the same for every variant; -I and the files follow.
SWIFTC = ["swiftc", "-c", "-wmo", "-Onone", "-g", "-swift-version", "6", "-parse-as-library",
          "-package-name", "bench"]

TARGETS = {"generation": 3.0, "lines": 1 / 3, "compile_vs_theirs": 2.0, "compile_vs_hand": 1.5,
           "runtime_vs_hand": 1.15}


def log(message):
    print(message, file=sys.stderr, flush=True)


def run(command, cwd=None):
    """Runs `command`; returns (wall seconds, user + system CPU seconds, stdout), or raises with
    its stderr."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen([str(part) for part in command], cwd=cwd, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)  # wait4 gives the child's CPU time in µs.
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise RuntimeError(f"{command[0]} exited {process.returncode}: {err.read().strip()[-2000:]}")
        return wall, usage.ru_utime + usage.ru_stime, out.read()


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def swift_lines(folder):
    files = sorted(Path(folder).glob("*.swift"))
    text = "".join(path.read_text() for path in files)
    return len(files), text.count("\n"), len(text.encode())


# 1 and 2: generation time and output size

def ours_command(spec, output, *extra):
    return [SDKGEN, "generate", spec, "--output", output, *extra]


def theirs_command(spec, output):
    return [THEIRS, "generate", spec, "--config", CONFIG, "--mode", "types", "--mode", "client",
            "--output-directory", output]


def generation(specs):
    results = {}
    for name, spec in specs.items():
        log(f"generation: {name}")
        ours_out, theirs_out = WORK / "gen/ours" / name, WORK / "gen/theirs" / name
        entry = {"ours": [], "theirs": [], "ours_cpu": [], "theirs_cpu": [], "floor": [], "theirs_error": None}
        try:
            run(theirs_command(spec, theirs_out))  # warm-up, and does it work at all?
        except RuntimeError as error:
            entry["theirs_error"] = str(error).splitlines()[-1][:300]
        run(ours_command(spec, ours_out))
        run([PARSE_FLOOR, spec])
        for _ in range(RUNS):  # Alternated, so that drift of the machine's speed hits all alike.
            wall, cpu, _ = run(ours_command(spec, ours_out))
            entry["ours"].append(wall)
            entry["ours_cpu"].append(cpu)
            if not entry["theirs_error"]:
                wall, cpu, _ = run(theirs_command(spec, theirs_out))
                entry["theirs"].append(wall)
                entry["theirs_cpu"].append(cpu)
            entry["floor"].append(run([PARSE_FLOOR, spec])[0])
        entry["size_ours"] = swift_lines(ours_out)
        entry["size_theirs"] = None if entry["theirs_error"] else swift_lines(theirs_out)
        results[name] = entry
    return results


# 3: compile time

def compile_sources():
    """The three variants of the Plusofon client and the other specs' generated code, as files."""
    variants = {}
    for name in REAL_SPECS:
        folder = WORK / "compile-src/ours" / name
        run(ours_command(ROOT / f"specs/{name}.yaml", folder, "--import", "TelephonyWebhooks"))
        variants[(name, "ours")] = sorted(folder.glob("*.swift"))
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
    sources = sorted((ROOT / "Sources/TelephonyWebhooks/Runtime").glob("*.swift"))
    run(["swiftc", "-emit-module", "-emit-module-path", modules / "TelephonyWebhooks.swiftmodule",
         "-module-name", "TelephonyWebhooks", "-package-name", "bench", "-parse-as-library",
         "-Onone", "-swift-version", "6", "-I", MODULES, *sources])
    return modules


def compile_command(module, files, runtime_modules):
    return [*SWIFTC, "-module-name", module, "-I", runtime_modules, "-I", MODULES, *files,
            "-o", f"{module}.o"]


def compile_times(variants, runtime_modules):
    samples = {key: [] for key in variants}
    for round_index in range(RUNS + 1):  # The first round warms the file cache and is dropped.
        log(f"compile: round {round_index + 1} of {RUNS + 1}")
        for key, files in variants.items():
            with tempfile.TemporaryDirectory(dir=WORK) as folder:
                measured = run(compile_command("Bench" + key[1].capitalize(), files, runtime_modules), folder)
            if round_index:
                samples[key].append(measured)
    return {key: {"wall": median([s[0] for s in values]), "cpu": median([s[1] for s in values])}
            for key, values in samples.items()}


def compile_phases(variants, runtime_modules):
    """Where a compile of the Plusofon variants spends its time, from -stats-output-dir."""
    phases = {"import": "Import resolution", "typecheck": "perform-sema", "SILGen": "SILGen",
              "SIL opt": "SIL optimization", "IRGen": "IRGen"}
    results = {}
    for kind in ["ours", "theirs", "hand"]:
        with tempfile.TemporaryDirectory(dir=WORK) as folder:
            command = compile_command("Bench" + kind.capitalize(), variants[("plusofon", kind)], runtime_modules)
            run([*command, "-stats-output-dir", folder], folder)
            stats = json.loads(next(Path(folder).glob("*.json")).read_text())
        total = next(value for key, value in stats.items()
                     if key.startswith("time.swift-frontend.") and key.endswith(".wall"))
        row = {label: stats.get(f"time.swift.{key}.wall", 0.0) for label, key in phases.items()}
        row["LLVM, object, rest"] = total - sum(row.values())
        row["total"] = total
        results[kind] = row
    return results


# 4: runtime cost

def stripped(binary):
    """valgrind 3.19 cannot read the DWARF 5 that Swift emits; symbols are enough for a profile."""
    copy = WORK / (Path(binary).name + "-nodebug")
    run(["objcopy", "--strip-debug", binary, copy])
    return copy


def callgrind(command, output="/dev/null"):
    _, stderr = subprocess.Popen(["valgrind", "--tool=callgrind", f"--callgrind-out-file={output}",
                                  *map(str, command)], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True).communicate()
    match = re.search(r"refs:\s+([\d,]+)", stderr)
    if not match:
        raise RuntimeError(f"callgrind failed: {stderr[-500:]}")
    return int(match.group(1).replace(",", ""))


def runtime():
    log("runtime: timing (RuntimeBench)")
    _, _, stdout = run([RUNTIME_BENCH, str(4 * RUNS + 1)])
    results = json.loads(stdout)
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

def demangle(names):
    result = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(names),
                            capture_output=True, text=True)
    lines = result.stdout.splitlines()
    return lines if len(lines) == len(names) else names


def annotate(profile, inclusive):
    """(instructions, symbol) of a callgrind profile, largest first."""
    text = subprocess.run(["callgrind_annotate", "--threshold=100",
                           f"--inclusive={'yes' if inclusive else 'no'}", str(profile)],
                          capture_output=True, text=True).stdout
    rows = []
    for line in text.splitlines():
        match = re.match(r"\s*([\d,]+) \([\s\d.]+%\)\s+\S*?:(.*?) \[[^\]]*\]$", line)
        if match and match.group(2) != "0x0000000000000000":
            rows.append((int(match.group(1).replace(",", "")), match.group(2)))
    return rows


def profile_table(profile, total, own_modules, count=12):
    """The top functions by own cost, and the top functions whose mangled names start with one of
    `own_modules` by inclusive cost (async continuation parts and recursion duplicates left out)."""
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


def generation_profile(spec):
    binary = stripped(SDKGEN)
    profile = WORK / "callgrind.sdkgen.out"
    total = callgrind([binary, "generate", spec, "--output", WORK / "gen/profile"], profile)
    # Our stages, and the two Yams entry points: compose (for the source map) and YAMLDecoder.
    return total, profile_table(profile, total, ("$s10SDKGenCore", "$s4Yams7compose", "$s4Yams11YAMLDecoderC6decode_4from8userInfo"), 14)


# The report

def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True)
    swift_version = (swift.stdout + swift.stderr).splitlines()[0]
    commit = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty=, with uncommitted changes"],
                            capture_output=True, text=True).stdout.strip() or "unknown"
    return {"commit": f"commit {commit}", "nproc": os.cpu_count(), "cpu": cpu, "swift": swift_version, "kernel": platform.release(),
            "memory": next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                           if line.startswith("MemTotal")),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def verdict(met, text):
    return ("met" if met else "**missed**") + f": {text}"


def report(info, generated, compiled, phases, runtime_results, profiles, load):
    out = ["# Benchmarks: sdkgen against apple/swift-openapi-generator 1.14.3", "",
           "Written by `make bench` (Benchmarks/Scripts/bench.py); every number below is from one run.", "",
           f"- Machine: {info['nproc']} cores ({info['cpu']}), {int(info['memory']) // 1024 // 1024} GiB, "
           f"Linux {info['kernel']}",
           f"- Toolchain: {info['swift']}",
           f"- Tree measured: {info['commit']}",
           f"- Date: {info['date']}; load average before/after the run: {load[0]} / {load[1]}",
           f"- Runs: median of {RUNS} timed runs per generator and per compile, after one warm-up run; "
           "runtime cases are medians of interleaved samples (see Method).", ""]
    summary = []

    out += ["## 1. Generation time", "",
            "`sdkgen generate SPEC --output DIR` against `swift-openapi-generator generate SPEC --config "
            "Scripts/openapi-generator-config.yaml --mode types --mode client --output-directory DIR` "
            "(accessModifier public, namingStrategy idiomatic); wall time of the whole process, release builds. "
            "*OpenAPIKit decode* is a process that only reads the spec and decodes it with Yams' `YAMLDecoder` into "
            "an OpenAPIKit `OpenAPI.Document` with default options (`Sources/ParseFloor`), timed the same way: "
            "swift-openapi-generator's first step, so a floor under its time. sdkgen decodes the YAML node it "
            "has already composed, with OpenAPIKit's vendor-extension decoding off, and can go below it.", "",
            "CPU is user + system time of the process: swift-openapi-generator renders its files on several "
            "threads, sdkgen on one. The target is judged on wall time.", "",
            "| spec | operations | sdkgen ms (CPU) | swift-openapi-generator ms (CPU) | theirs / ours | theirs / ours, CPU | OpenAPIKit decode ms | target ≥ 3× |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    worst = None
    for name, entry in generated.items():
        ours = median(entry["ours"]) * 1000
        operations = entry.get("operations", "")
        ours_cpu = median(entry["ours_cpu"]) * 1000
        if entry["theirs_error"]:
            out.append(f"| {name} | {operations} | {ours:.0f} ({ours_cpu:.0f}) | failed: {entry['theirs_error']} | – | – | "
                       f"{median(entry['floor']) * 1000:.0f} | – |")
            continue
        theirs, theirs_cpu = median(entry["theirs"]) * 1000, median(entry["theirs_cpu"]) * 1000
        ratio = theirs / ours
        if worst is None or ratio < worst[1]:
            worst = (name, ratio)
        out.append(f"| {name} | {operations} | {ours:.0f} ({ours_cpu:.0f}) | {theirs:.0f} ({theirs_cpu:.0f}) | "
                   f"{ratio:.2f}× | {theirs_cpu / ours_cpu:.2f}× | {median(entry['floor']) * 1000:.0f} | "
                   f"{'met' if ratio >= TARGETS['generation'] else '**missed**'} |")
    missed = [name for name, entry in generated.items() if not entry["theirs_error"]
              and median(entry["theirs"]) / median(entry["ours"]) < TARGETS["generation"]]
    summary.append(("Generation ≥ 3× faster on every spec",
                    verdict(not missed, f"worst {worst[0]} at {worst[1]:.2f}×"
                            + (f"; {len(missed)} of {len(generated)} specs below 3×, the worst short by "
                               f"{(TARGETS['generation'] / worst[1] - 1) * 100:.0f}%" if missed else ""))))

    out += ["", "### Scale", "",
            "| operations | sdkgen ms | ms per operation | swift-openapi-generator ms | ms per operation |",
            "| ---: | ---: | ---: | ---: | ---: |"]
    for n in SCALE:
        entry = generated[f"synthetic-{n}"]
        ours = median(entry["ours"]) * 1000
        theirs = median(entry["theirs"]) * 1000 if entry["theirs"] else float("nan")
        out.append(f"| {n} | {ours:.0f} | {ours / n:.2f} | {theirs:.0f} | {theirs / n:.2f} |")
    first, last = generated[f"synthetic-{SCALE[0]}"], generated[f"synthetic-{SCALE[-1]}"]
    growth = median(last["ours"]) / median(first["ours"])
    out += ["", f"From {SCALE[0]} to {SCALE[-1]} operations ({SCALE[-1] // SCALE[0]}× as many) sdkgen's time "
            f"grows {growth:.2f}× (linear would be {SCALE[-1] // SCALE[0]:.2f}×)."]
    summary.append(("Generation grows roughly linearly (100 → 400 operations)",
                    verdict(growth <= SCALE[-1] / SCALE[0] * 1.25, f"{growth:.2f}× for 4× the operations")))

    out += ["", "## 2. Output size", "",
            "Lines and bytes of all generated Swift files (theirs: every file the generator writes).", "",
            "| spec | sdkgen lines | bytes | files | swift-openapi-generator lines | bytes | files | ours / theirs lines | target ≤ 1/3 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    ratios = []
    for name, entry in generated.items():
        files, lines, size = entry["size_ours"]
        if not entry["size_theirs"]:
            out.append(f"| {name} | {lines:,} | {size:,} | {files} | – | – | – | – | – |")
            continue
        their_files, their_lines, their_size = entry["size_theirs"]
        ratio = lines / their_lines
        ratios.append((ratio, name))
        out.append(f"| {name} | {lines:,} | {size:,} | {files} | {their_lines:,} | {their_size:,} | {their_files} | "
                   f"{ratio:.2f} | {'met' if ratio <= TARGETS['lines'] else '**missed**'} |")
    worst_ratio, worst_name = max(ratios)
    summary.append(("Output ≤ 1/3 of their lines",
                    verdict(worst_ratio <= TARGETS["lines"], f"worst {worst_name} at {worst_ratio:.2f}"
                            + (f", {(worst_ratio * 3 - 1) * 100:.0f}% over" if worst_ratio > TARGETS['lines'] else ""))))

    out += ["", "## 3. Compile time of the generated code", "",
            "A clean debug compile (typecheck + SIL + object, `-Onone -g`, whole module, one frontend process) "
            "of the generated code alone, against prebuilt modules. Median wall seconds, with CPU seconds in "
            "brackets. The command, for each variant:", "",
            "```", " ".join(SWIFTC) + " -module-name M -I .build-bench/modules -I .build/debug/Modules FILES -o M.o",
            "```", "",
            "- **ours**: `sdkgen generate SPEC --import TelephonyWebhooks` (the one generated file), against the "
            "runtime alone (`Sources/TelephonyWebhooks/Runtime/*.swift` prebuilt as module `TelephonyWebhooks`), "
            "swift-openapi-runtime, swift-openapi-urlsession and swift-http-types. Our runtime is compiled once "
            "like their library is, so both sides compile only what the generator wrote.",
            "- **theirs**: all files of `--mode types --mode client` against prebuilt swift-openapi-runtime.",
            "- **hand**: `Sources/HandPlusofon/HandPlusofon.swift`, a hand-written Plusofon client (Codable + "
            "`ClientTransport`), against prebuilt swift-openapi-runtime.",
            "- **imports only**: an empty file with our imports: the fixed cost of loading the modules, "
            "which no generator can remove.", "",
            "| spec | ours s | theirs s | hand-written s | imports only s | theirs / ours | ours / hand | targets ≥ 2× and ≤ 1.5× |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    compile_ratios = []
    for name in REAL_SPECS:
        ours, theirs = compiled[(name, "ours")], compiled[(name, "theirs")]
        hand, floor = compiled.get((name, "hand")), compiled.get((name, "imports"))
        speedup = theirs["wall"] / ours["wall"]
        compile_ratios.append((speedup, name))
        versus_hand = ours["wall"] / hand["wall"] if hand else None
        cells = [f"{v['wall']:.2f} ({v['cpu']:.2f})" if v else "–" for v in (ours, theirs, hand, floor)]
        met = [speedup >= TARGETS["compile_vs_theirs"]] + ([versus_hand <= TARGETS["compile_vs_hand"]] if hand else [])
        out.append(f"| {name} | {' | '.join(cells)} | {speedup:.2f}× | "
                   f"{f'{versus_hand:.2f}×' if versus_hand else '–'} | {'met' if all(met) else '**missed**'} |")
    slowest, slowest_name = min(compile_ratios)
    summary.append(("Compile ≥ 2× faster than their output",
                    verdict(slowest >= TARGETS["compile_vs_theirs"], f"worst {slowest_name} at {slowest:.2f}×"
                            + (f", short by {(TARGETS['compile_vs_theirs'] / slowest - 1) * 100:.0f}%"
                               if slowest < TARGETS["compile_vs_theirs"] else ""))))
    hand_ratio = compiled[("plusofon", "ours")]["wall"] / compiled[("plusofon", "hand")]["wall"]
    summary.append(("Compile within 1.5× of the hand-written client (Plusofon)",
                    verdict(hand_ratio <= TARGETS["compile_vs_hand"], f"{hand_ratio:.2f}×")))
    out += ["", "Where the Plusofon compiles spend their time (one run each, `-stats-output-dir`, wall seconds):", "",
            "| phase | " + " | ".join(phases) + " |", "| --- |" + " ---: |" * len(phases)]
    for phase in next(iter(phases.values())):
        out.append(f"| {phase} | " + " | ".join(f"{phases[kind][phase]:.3f}" for kind in phases) + " |")

    out += ["", "## 4. Runtime cost of one call", "",
            f"Through a `ClientTransport` that returns canned bytes (no network): `listWebhooks` decoding a page of "
            f"{runtime_results['page_size']:,} webhooks, and `createWebhook` encoding its request "
            f"{runtime_results['encode_count']:,} times (the time of all of them). Release builds; the three "
            "clients are sampled in turn; medians in milliseconds. *Instructions* are per call, counted by "
            "callgrind (the difference of two runs of different lengths), which the machine's load cannot disturb.", "",
            "| case | ours ms | theirs ms | hand-written ms | ours / hand | ours / theirs | instructions ours / theirs / hand | ours / hand (instructions) | target |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for case in ["decode", "encode"]:
        times = {client: runtime_results[case][client]["median_ms"] for client in ["ours", "theirs", "hand"]}
        counts = runtime_results["instructions"][case]
        versus_hand, versus_theirs = times["ours"] / times["hand"], times["ours"] / times["theirs"]
        met = versus_hand <= TARGETS["runtime_vs_hand"] and versus_theirs <= 1.0
        out.append(f"| {case} | {times['ours']:.1f} | {times['theirs']:.1f} | {times['hand']:.1f} | "
                   f"{versus_hand:.2f}× | {versus_theirs:.2f}× | "
                   f"{counts['ours']:,.0f} / {counts['theirs']:,.0f} / {counts['hand']:,.0f} | "
                   f"{counts['ours'] / counts['hand']:.2f}× | {'met' if met else '**missed**'} |")
        detail = f"{versus_hand:.2f}× hand-written, {versus_theirs:.2f}× theirs"
        if versus_hand > TARGETS["runtime_vs_hand"]:
            detail += f"; {(versus_hand / TARGETS['runtime_vs_hand'] - 1) * 100:.0f}% over the 1.15× bound"
        if versus_theirs > 1.0:
            detail += f"; {(versus_theirs - 1) * 100:.0f}% slower than theirs"
        summary.append((f"Runtime {case} within 1.15× of hand-written and not slower than theirs",
                        verdict(met, detail)))

    targets = ["## Targets", "", "| target | result |", "| --- | --- |"]
    targets += [f"| {target} | {result} |" for target, result in summary] + [""]
    first_section = out.index("## 1. Generation time")
    out[first_section:first_section] = targets

    if profiles:
        out += ["", "## Profiles of the missed targets", "",
                "`valgrind --tool=callgrind` on a copy of the binary without DWARF (valgrind 3.19 cannot read "
                "Swift's DWARF 5; symbols remain). Instruction counts, not seconds."]
        for title, body in profiles:
            out += ["", f"### {title}", "", body]

    analysis = BENCH / "Scripts/analysis.md"
    if analysis.exists():
        out += ["", analysis.read_text().strip()]

    out += ["", "## Method", "",
            "- `make bench` (or `make -C Benchmarks bench`) builds sdkgen (`swift build -c release "
            "--static-swift-stdlib --product sdkgen --scratch-path .build-bench-sdkgen`) and, in this package and the "
            "same way (release, `--static-swift-stdlib`), swift-openapi-generator; then `RuntimeBench` and "
            "`ParseFloor` in release and the prebuilt modules in debug; then it runs Scripts/bench.py.",
            "- Synthetic specs: `Scripts/synthetic_spec.py N` writes N operations: per resource list (page, per_page "
            "and an enum filter in the query), create, get, update and delete (path id, JSON bodies), a closed and "
            "an open enum, a nested and an inline object, a paginated list and shared error responses.",
            "- Their client for the runtime benchmark is generated from specs/plusofon.yaml into "
            "`Sources/TheirPlusofon` by `make bench`; it gets a middleware that sets Plusofon's `Client` and bearer "
            "headers, because swift-openapi-generator leaves authentication to its users. `RuntimeBench` checks "
            "before timing that the three clients decode the same page and send the same request.",
            "- The hand-written client keeps Plusofon's open value sets (`type_call`, `type`) as `String`, as "
            "swift-openapi-generator does for `x-extensible-enum`, and uses Swift enums for closed ones.",
            "- Profiles of missed targets and the instruction counts are written to `.build-bench/callgrind.*.out`."]
    return "\n".join(out) + "\n"


def main():
    for tool in [SDKGEN, THEIRS, RUNTIME_BENCH, PARSE_FLOOR, MODULES]:
        if not Path(tool).exists():
            sys.exit(f"bench.py: {tool} is missing; run `make bench`, which builds it")
    shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "specs").mkdir(parents=True)
    load_before = os.getloadavg()[0]
    info = machine()

    specs = {name: ROOT / f"specs/{name}.yaml" for name in REAL_SPECS}
    for n in SCALE:
        path = WORK / f"specs/synthetic-{n}.yaml"
        run([sys.executable, BENCH / "Scripts/synthetic_spec.py", n, path])
        specs[f"synthetic-{n}"] = path
    generated = generation(specs)
    for name, spec in specs.items():
        generated[name]["operations"] = len(re.findall(r"^\s+operationId:", spec.read_text(), re.M))

    runtime_modules = build_runtime_module()
    variants = compile_sources()
    compiled = compile_times(variants, runtime_modules)
    phases = compile_phases(variants, runtime_modules)
    runtime_results = runtime()

    profiles = []
    worst = min((median(e["theirs"]) / median(e["ours"]), name) for name, e in generated.items() if e["theirs"])
    if worst[0] < TARGETS["generation"]:
        log(f"profile: sdkgen on {worst[1]}")
        total, table = generation_profile(specs[worst[1]])
        profiles.append((f"sdkgen generate on {worst[1]} ({total:,} instructions in all)", table))
    for case in ["decode", "encode"]:
        times = {client: runtime_results[case][client]["median_ms"] for client in ["ours", "theirs", "hand"]}
        if times["ours"] > TARGETS["runtime_vs_hand"] * times["hand"] or times["ours"] > times["theirs"]:
            profile = WORK / f"callgrind.{case}.ours.out"
            total = sum(cost for cost, _ in annotate(profile, inclusive=False))
            profiles.append((f"RuntimeBench {case}, our client ({total:,} instructions in all)",
                             profile_table(profile, total, ("$s17TelephonyWebhooks",))))

    text = report(info, generated, compiled, phases, runtime_results, profiles,
                  (f"{load_before:.2f}", f"{os.getloadavg()[0]:.2f}"))
    (BENCH / "RESULTS.md").write_text(text)
    (WORK / "results.json").write_text(json.dumps(
        {"generation": generated, "compile": {f"{k[0]}/{k[1]}": v for k, v in compiled.items()},
         "compile_phases": phases, "runtime": runtime_results}, indent=2, default=str))
    print(text)


if __name__ == "__main__":
    main()
