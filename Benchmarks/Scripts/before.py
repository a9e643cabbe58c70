"""sdkgen as it was before a change (BEFORE_SDKGEN, built by `make before` from a git worktree of
the Makefile's BEFORE commit) against the current one: generation time and instructions on the
published specs (issue 23), and the size and compile cost of the clients whose names a round
changed (issue 25)."""

import json
import re
import tempfile
from pathlib import Path

from common import BEFORE_SDKGEN, RUNS, SDKGEN, WORK, callgrind, last_line, log, median, run, stripped

# The clients whose repeated inline GET/POST enums issue 25 merges.
NAMING_SPECS = ["twilio-voice_v1", "signalwire-compatibility"]
HTTP_METHODS = {"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "CONNECT"}
TYPE = re.compile(r"^\s*(?:(?:public|package|internal|fileprivate|private|indirect|final)\s+)*"
                  r"(struct|enum|class|actor)\s+(\w+)", re.M)


def available():
    return Path(BEFORE_SDKGEN).exists()


def command(sdkgen, spec, output, *extra):
    return [sdkgen, "generate", spec, "--output", output, *extra]


def generate(spec, output, flags):
    """One timed run of the before-sdkgen, with the flags the current one needed."""
    return run(command(BEFORE_SDKGEN, spec, output, *flags))


def generation_instructions(specs, generated):
    """Instructions of each sdkgen on each spec (callgrind, one run each): the comparison that the
    machine's load cannot bend. Both are built the same way (`make tools` and `make before`)."""
    binaries = {"after": stripped(SDKGEN), "before": stripped(BEFORE_SDKGEN, "sdkgen-before")}
    for name, spec in specs.items():
        entry = generated.get(name)
        if not entry or entry["ours_error"] or entry.get("before_error"):
            continue
        for label, binary in binaries.items():
            log(f"generation: callgrind {label} sdkgen on {name}")
            entry.setdefault("callgrind", {})[label] = callgrind(
                command(binary, spec, WORK / f"gen/callgrind-{label}", *entry["flags"]))


def declarations(folder):
    """(types, HTTP-method enums) of the generated files in `folder`: every struct, enum, class
    and actor but CodingKeys, and the enums whose raw values are all HTTP methods."""
    types, method_enums = [], []
    for path in sorted(Path(folder).glob("*.swift")):
        text = path.read_text()
        matches = list(TYPE.finditer(text))
        for index, match in enumerate(matches):
            kind, name = match.groups()
            if name == "CodingKeys":
                continue
            types.append(name)
            if kind != "enum":
                continue
            end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
            body = text[match.end():end]
            # `case get = "GET"` (a closed enum) or `case "GET": self = .get` (an open one).
            values = set(re.findall(r'case \w+ = "([^"]*)"', body)) | set(re.findall(r'case "([^"]*)": self =', body))
            if len(values) >= 2 and {value.upper() for value in values} <= HTTP_METHODS:
                method_enums.append(name)
    return types, method_enums


def naming_sources(published, generated):
    """Each naming spec's client from both sdkgens, importing the runtime as the compile section's
    do: {(spec, "before"|"after"): (files, lines, types, method enums)}."""
    variants = {}
    for name in NAMING_SPECS:
        if name not in published or generated.get(name, {}).get("ours_error"):
            continue
        flags = generated.get(name, {}).get("flags", [])
        for label, sdkgen in [("before", BEFORE_SDKGEN), ("after", SDKGEN)]:
            folder = WORK / "naming-src" / label / name
            try:
                run(command(sdkgen, published[name], folder, "--import", "TelephonyWebhooks", *flags))
            except RuntimeError as error:
                variants[(name, label)] = {"error": last_line(error)}
                continue
            files = sorted(folder.glob("*.swift"))
            text = "".join(path.read_text() for path in files)
            types, methods = declarations(folder)
            variants[(name, label)] = {"files": files, "lines": text.count("\n"), "bytes": len(text.encode()),
                                       "types": len(types), "method_enums": methods}
    return variants


def naming(published, generated, runtime_modules, compile_command):
    """Lines, types, HTTP-method enums and clean compile time of the naming specs' clients before
    and after, compiled alike and alternated round by round (the first round dropped), with the
    frontend's own counters (-stats-output-dir), which the load does not change."""
    variants = naming_sources(published, generated)
    keys = [key for key, value in variants.items() if "error" not in value]
    samples = {key: [] for key in keys}
    for round_index in range(RUNS + 1):
        log(f"naming: compile round {round_index + 1} of {RUNS + 1}")
        for key in list(keys):
            with tempfile.TemporaryDirectory(dir=WORK) as folder:
                module = "Bench" + key[1].capitalize()
                try:
                    measured = run([*compile_command(module, variants[key]["files"], runtime_modules),
                                    "-stats-output-dir", folder], folder)
                except RuntimeError as error:
                    variants[key]["error"] = last_line(error)
                    keys.remove(key)
                    continue
                if round_index:
                    samples[key].append(measured)
                else:
                    variants[key]["stats"] = frontend_counters(folder)
    for key, values in samples.items():
        if values:
            variants[key].update({"wall": median([s.wall for s in values]), "cpu": median([s.cpu for s in values]),
                                  "peak_mib": median([s.peak_mib for s in values]), "runs": len(values)})
    for value in variants.values():
        value.pop("files", None)
    return variants


COUNTERS = {"SIL functions": "SILModule.NumSILGenFunctions", "LLVM instructions": "IRModule.NumIRInsts",
            "object bytes": "LLVM.NumLLVMBytesOutput"}


def frontend_counters(folder):
    stats = json.loads(next(Path(folder).glob("*.json")).read_text())
    counters = {label: next((value for stat, value in stats.items() if stat.endswith(name)), None)
                for label, name in COUNTERS.items()}
    counters["frontend s"] = next((value for name, value in stats.items()
                                   if name.startswith("time.swift-frontend.") and name.endswith(".wall")), None)
    counters["type-check s"] = stats.get("time.swift.perform-sema.wall")
    return counters


def commit():
    """The before-sdkgen's commit, short, as its worktree has it."""
    import subprocess
    result = subprocess.run(["git", "-C", BEFORE_SDKGEN.parents[2] / "src", "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True)
    return result.stdout.strip() or "unknown"
