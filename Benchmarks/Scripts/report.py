"""RESULTS.md from one run's measurements (see bench.py)."""

import datetime
import os
import platform
import subprocess
from pathlib import Path

from common import BENCH, ROOT, RUNS, SWIFTC, median

TARGETS = {
    # Issue 16: published specs.
    "compile_published": 5.0, "lines_published": 1 / 4, "generation_large": 3.0, "large_operations": 100,
    "conversion_share": 0.10, "request": 1.05, "receiver": 0.8,
    # Issue 7: this project's three specs and the synthetic ones.
    "generation": 3.0, "lines": 1 / 3, "compile_vs_theirs": 2.0, "compile_vs_hand": 1.5, "runtime_vs_hand": 1.15,
}


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True)
    swift_version = (swift.stdout + swift.stderr).splitlines()[0]
    commit = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty=, with uncommitted changes"],
                            capture_output=True, text=True).stdout.strip() or "unknown"
    return {"commit": f"commit {commit}", "nproc": os.cpu_count(), "cpu": cpu, "swift": swift_version,
            "kernel": platform.release(),
            "memory": next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                           if line.startswith("MemTotal")),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def verdict(met, text):
    return ("met" if met else "**missed**") + f": {text}"


def ms(values):
    return median([value.wall for value in values]) * 1000


def cpu_ms(values):
    return median([value.cpu for value in values]) * 1000


def peak(values):
    return median([value.peak_mib for value in values])


def ratio_of(entry):
    if entry["ours_error"] or entry["theirs_error"]:
        return None
    return ms(entry["theirs"]) / ms(entry["ours"])


def one_line(text, limit=160):
    text = " ".join(str(text).split()).replace("|", "\\|")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def group_verdict(title, rows, bound, better_high, fmt, unit=""):
    """A target judged on every spec of `rows` ((name, value or None, reason)): met when every
    measured value meets it and none is missing."""
    measured = [(value, name) for name, value, _ in rows if value is not None]
    missing = [(name, reason) for name, value, reason in rows if value is None]
    if not measured:
        return (title, "**not measured**: " + "; ".join(f"{name}: {one_line(reason, 120)}" for name, reason in missing))
    worst_value, worst_name = min(measured) if better_high else max(measured)
    failing = [name for value, name in measured if (value < bound if better_high else value > bound)]
    text = f"worst {worst_name} at {fmt(worst_value)}{unit}"
    if failing:
        text += f"; {len(failing)} of {len(measured)} measured miss it ({', '.join(failing)})"
    if missing:
        text += "; not measured on " + "; ".join(f"{name} ({one_line(reason, 100)})" for name, reason in missing)
        if failing:
            return (title, f"**missed**: {text}")
        return (title, f"**not measured on every spec**: met on the {len(measured)} measured, {text}")
    return (title, verdict(not failing, text))


def render(info, generated, converted, compiled, phases, runtime_results, request_results, receiver_results,
           profiles, perf_profiles, load, published, folders, naming_results=None):
    house = [name for name in generated if name not in published and not name.startswith("synthetic-")]
    synthetic = [name for name in generated if name.startswith("synthetic-")]
    out = ["# Benchmarks: sdkgen against apple/swift-openapi-generator 1.14.3", "",
           "Written by `make bench` (Benchmarks/Scripts/bench.py); every number below is from one run.", "",
           f"- Machine: {info['nproc']} cores ({info['cpu']}), {int(info['memory']) // 1024 // 1024} GiB, "
           f"Linux {info['kernel']}",
           f"- Toolchain: {info['swift']}",
           f"- Tree measured: {info['commit']}",
           f"- Date: {info['date']}; load average (1, 5, 15 min) before the run: "
           f"{', '.join(f'{v:.2f}' for v in load[0])}; after: {', '.join(f'{v:.2f}' for v in load[1])}",
           f"- Published specs: {', '.join(f'`{name}`' for name in published) or 'none'}"
           + (f" from {', '.join(str(folder) for folder in folders)}" if folders else ""),
           f"- Runs: median of {RUNS} timed runs per generator and per compile, after one warm-up run; a spec that "
           "swift-openapi-generator takes over 3 s to generate gets 3 runs, a compile slower than 10 s keeps "
           "its warm-up as one of 3 runs, and one slower than 30 s is run once (the number of runs is in each table).", ""]
    summary = []

    # 1. Generation
    out += ["## 1. Generation time and memory", "",
            "`sdkgen generate SPEC --output DIR` against `swift-openapi-generator generate SPEC --config "
            "Scripts/openapi-generator-config.yaml --mode types --mode client --output-directory DIR` "
            "(accessModifier public, namingStrategy idiomatic); wall time and peak resident memory of the whole "
            "process (GNU time's `%M`, run through `/usr/bin/time`: a `wait4` of the benchmark's own fork "
            "would count the Python process's size, as in issue 16's first run), release builds with `--static-swift-stdlib`. CPU is user + system time: "
            "swift-openapi-generator renders its files on several threads, sdkgen on one; targets are judged on "
            "wall time. *OpenAPIKit decode* is a process that only decodes the spec with Yams and OpenAPIKit's "
            "defaults (a 3.0 spec as OpenAPIKit30, converted, as swift-openapi-generator reads it; "
            "`Sources/ParseFloor`): swift-openapi-generator's first step, a floor under its time.", "",
            "| spec | operations | runs | sdkgen ms (CPU) | peak MiB | swift-openapi-generator ms (CPU) | peak MiB | theirs / ours | OpenAPIKit decode ms | targets |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    not_slower, large, seven = [], [], []
    for name, entry in generated.items():
        operations = entry["operations"]
        floor = f"{ms(entry['floor']):.0f}" if entry["floor"] else "–"
        ours = "failed" if entry["ours_error"] else f"{ms(entry['ours']):.0f} ({cpu_ms(entry['ours']):.0f})"
        ours_peak = "–" if entry["ours_error"] else f"{peak(entry['ours']):.0f}"
        theirs = (f"failed: {one_line(entry['theirs_error'], 80)}" if entry["theirs_error"]
                  else f"{ms(entry['theirs']):.0f} ({cpu_ms(entry['theirs']):.0f})")
        theirs_peak = "–" if entry["theirs_error"] else f"{peak(entry['theirs']):.0f}"
        ratio = ratio_of(entry)
        reason = entry["ours_error"] or entry["theirs_error"]
        not_slower.append((name, ratio, reason))
        marks = []
        if ratio is not None:
            marks.append("not slower: " + ("met" if ratio >= 1 else "**missed**"))
        if operations > TARGETS["large_operations"]:
            large.append((name, ratio, reason))
            if ratio is not None:
                marks.append("≥ 3×: " + ("met" if ratio >= TARGETS["generation_large"] else "**missed**"))
        if name not in published:
            seven.append((name, ratio, reason))
        out.append(f"| {name} | {operations} | {entry.get('runs', RUNS)} | {ours} | {ours_peak} | {theirs} | {theirs_peak} | "
                   f"{f'{ratio:.2f}×' if ratio else '–'} | {floor} | {'; '.join(marks) or '–'} |")
    for name in published:
        entry = generated[name]
        if entry["ours_error"]:
            out += ["", f"- sdkgen on {name}: `{one_line(entry['ours_error'], 300)}`"]
        elif entry.get("summary") or entry["flags"]:
            flags = f" (with `{' '.join(entry['flags'])}`; without it: `{one_line(entry['without_flags'], 200)}`)" if entry["flags"] else ""
            out += ["", f"- sdkgen on {name}{flags}: {one_line(entry.get('summary') or '', 300)}"]
    if any(entry.get("before") for entry in generated.values()):
        out += [""] + generation_before(generated, published)
    summary.append(group_verdict("Generation not slower than theirs on any spec (16)", not_slower, 1.0, True,
                                 lambda v: f"{v:.2f}×"))
    summary.append(group_verdict(f"Generation ≥ 3× faster on specs over {TARGETS['large_operations']} operations (16)",
                                 large, TARGETS["generation_large"], True, lambda v: f"{v:.2f}×"))
    summary.append(group_verdict("Generation ≥ 3× faster on our three specs and the synthetic ones (7)", seven,
                                 TARGETS["generation"], True, lambda v: f"{v:.2f}×"))

    out += ["", "### Scale", "",
            "sdkgen's instructions are counted by callgrind (one run each), which the machine's load cannot "
            "disturb; the target is judged on them when they were counted, else on the times.", "",
            "| operations | sdkgen ms | ms per operation | sdkgen instructions | per operation | "
            "swift-openapi-generator ms | ms per operation |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name in synthetic:
        entry, n = generated[name], int(name.split("-")[1])
        theirs = ms(entry["theirs"]) if entry["theirs"] else float("nan")
        counted = entry.get("instructions")
        instructions = f"{counted:,} | {counted / n:,.0f}" if counted else "– | –"
        out.append(f"| {n} | {ms(entry['ours']):.0f} | {ms(entry['ours']) / n:.2f} | {instructions} | "
                   f"{theirs:.0f} | {theirs / n:.2f} |")
    first, last = generated[synthetic[0]], generated[synthetic[-1]]
    scale = int(synthetic[-1].split("-")[1]) // int(synthetic[0].split("-")[1])
    growth = ms(last["ours"]) / ms(first["ours"])
    text = f"From {synthetic[0]} to {synthetic[-1]} ({scale}× the operations) sdkgen's time grows {growth:.2f}×"
    if first.get("instructions") and last.get("instructions"):
        counted = last["instructions"] / first["instructions"]
        out += ["", f"{text}, its instructions {counted:.2f}×."]
        result = f"{counted:.2f}× the instructions ({growth:.2f}× the time) for {scale}× the operations"
    else:
        counted = growth
        out += ["", f"{text}."]
        result = f"{growth:.2f}× for {scale}× the operations"
    summary.append(("Generation grows roughly linearly (100 → 400 operations) (7)",
                    verdict(counted <= scale * 1.25, result)))

    # Normalize
    out += ["", "### The normalize stage's OpenAPI 3.0 → 3.1 conversion", "",
            "`ParseFloor convert SPEC` decodes the spec as sdkgen's normalize stage does (one Yams node, scalars "
            "kept as strings, vendor-extension decoding off; OpenAPIKit30 for a 3.0 spec) and times "
            "OpenAPIKitCompat's `convert(to: .v3_1_1)` alone, in process: median of at least 5 runs. *Share* is "
            "the conversion's time over sdkgen's whole `generate` wall time above.", "",
            "| spec | OpenAPI | compose ms | decode ms | convert ms | share of generation | target ≤ 10% |",
            "| --- | --- | ---: | ---: | ---: | ---: | --- |"]
    shares = []
    for name, result in converted.items():
        if "error" in result:
            out.append(f"| {name} | – | – | – | failed: {one_line(result['error'], 80)} | – | – |")
            continue
        if result["convert_ms"] is None:
            out.append(f"| {name} | {result['version']} | {result['compose_ms']:.1f} | {result['decode_ms']:.1f} | "
                       "– (already 3.1) | – | – |")
            continue
        entry = generated[name]
        share = None if entry["ours_error"] else result["convert_ms"] / ms(entry["ours"])
        shares.append((name, share, entry["ours_error"]))
        out.append(f"| {name} | {result['version']} | {result['compose_ms']:.1f} | {result['decode_ms']:.1f} | "
                   f"{result['convert_ms']:.2f} | {f'{share * 100:.1f}%' if share is not None else '–'} | "
                   f"{'–' if share is None else ('met' if share <= TARGETS['conversion_share'] else '**missed**')} |")
    summary.append(group_verdict("3.0 → 3.1 conversion kept small: ≤ 10% of generation on each 3.0 spec (16; the bound is this harness's)",
                                 shares, TARGETS["conversion_share"], False, lambda v: f"{v * 100:.1f}%"))

    # 2. Size
    out += ["", "## 2. Output size", "",
            "Lines and bytes of all generated Swift files (theirs: every file the generator writes).", "",
            "| spec | sdkgen lines | bytes | files | swift-openapi-generator lines | bytes | files | ours / theirs lines | target |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    sizes_seven, sizes_published = [], []
    for name, entry in generated.items():
        bound = TARGETS["lines_published"] if name in published else TARGETS["lines"]
        label = "≤ 1/4" if name in published else "≤ 1/3"
        rows = sizes_published if name in published else sizes_seven
        if not entry["size_ours"] or not entry["size_theirs"]:
            ours = entry["size_ours"]
            rows.append((name, None, entry["ours_error"] or entry["theirs_error"]))
            out.append(f"| {name} | {f'{ours[1]:,} | {ours[2]:,} | {ours[0]}' if ours else '– | – | –'} | – | – | – | – | – |")
            continue
        (files, lines, size), (their_files, their_lines, their_size) = entry["size_ours"], entry["size_theirs"]
        ratio = lines / their_lines
        rows.append((name, ratio, None))
        out.append(f"| {name} | {lines:,} | {size:,} | {files} | {their_lines:,} | {their_size:,} | {their_files} | "
                   f"{ratio:.2f} | {label}: {'met' if ratio <= bound else '**missed**'} |")
    summary.append(group_verdict("Output ≤ 1/4 of their lines on every published spec (16)", sizes_published,
                                 TARGETS["lines_published"], False, lambda v: f"{v:.2f}"))
    summary.append(group_verdict("Output ≤ 1/3 of their lines on our specs and the synthetic ones (7)", sizes_seven,
                                 TARGETS["lines"], False, lambda v: f"{v:.2f}"))

    # 3. Compile
    out += ["", "## 3. Compile time and memory of the generated code", "",
            "A clean debug compile (typecheck + SIL + object, `-Onone -g`, whole module, one frontend process) "
            "of each generated client alone, against prebuilt modules: median wall seconds, CPU seconds in "
            "brackets, and the peak resident memory of the compiler (GNU time's `%M` of swiftc, the largest of "
            "the driver and the frontend it waits for). The command, for each variant:", "",
            "```", " ".join(SWIFTC) + " -module-name M -I .build-bench/modules -I .build/debug/Modules FILES -o M.o",
            "```", "",
            "- **ours**: `sdkgen generate SPEC --import TelephonyWebhooks` (the generated file), against the "
            "runtime alone (`Sources/TelephonyWebhooks/Runtime/**/*.swift` prebuilt as module `TelephonyWebhooks`), "
            "swift-openapi-runtime, swift-openapi-urlsession and swift-http-types. Our runtime is compiled once "
            "like their library is, so both sides compile only what the generator wrote.",
            "- **theirs**: all files of `--mode types --mode client` against prebuilt swift-openapi-runtime.",
            "- **hand**: `Sources/HandPlusofon/HandPlusofon.swift`, a hand-written Plusofon client (Codable + "
            "`ClientTransport`).",
            "- **imports only**: an empty file with our imports: the fixed cost of loading the modules.", "",
            "| spec | runs ours / theirs | ours s (CPU) | peak MiB | theirs s (CPU) | peak MiB | theirs / ours | hand-written s | ours / hand | target |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    compile_seven, compile_published = [], []
    for name in house + list(published):
        ours, theirs = compiled.get((name, "ours"), {}), compiled.get((name, "theirs"), {})
        hand = compiled.get((name, "hand"))
        cells = []
        for value in (ours, theirs):
            if "wall" in value:
                cells += [f"{value['wall']:.2f} ({value['cpu']:.2f})", f"{value['peak_mib']:.0f}"]
            else:
                cells += [f"failed: {one_line(value['error'], 60)}" if "error" in value else "–", "–"]
        speedup = theirs["wall"] / ours["wall"] if "wall" in ours and "wall" in theirs else None
        versus_hand = ours["wall"] / hand["wall"] if hand and "wall" in ours else None
        bound = TARGETS["compile_published"] if name in published else TARGETS["compile_vs_theirs"]
        reason = (generated[name]["ours_error"] or generated[name]["theirs_error"] or ours.get("error")
                  or theirs.get("error"))
        (compile_published if name in published else compile_seven).append((name, speedup, reason))
        mark = "–" if speedup is None else f"≥ {bound:.0f}×: {'met' if speedup >= bound else '**missed**'}"
        if versus_hand:
            mark += f"; ≤ 1.5× hand: {'met' if versus_hand <= TARGETS['compile_vs_hand'] else '**missed**'}"
        runs = f"{ours.get('runs', '–')} / {theirs.get('runs', '–')}"
        out.append(f"| {name} | {runs} | {' | '.join(cells)} | {f'{speedup:.2f}×' if speedup else '–'} | "
                   f"{('%.2f' % hand['wall']) if hand else '–'} | {f'{versus_hand:.2f}×' if versus_hand else '–'} | {mark} |")
    floor = compiled.get(("plusofon", "imports"))
    if floor and "wall" in floor:
        out += ["", f"Imports only: {floor['wall']:.2f} s ({floor['cpu']:.2f}), {floor['peak_mib']:.0f} MiB."]
    summary.append(group_verdict("Compile ≥ 5× faster than theirs on every published spec (16)", compile_published,
                                 TARGETS["compile_published"], True, lambda v: f"{v:.2f}×"))
    summary.append(group_verdict("Compile ≥ 2× faster than theirs on our three specs (7)", compile_seven,
                                 TARGETS["compile_vs_theirs"], True, lambda v: f"{v:.2f}×"))
    hand_ratio = (compiled[("plusofon", "ours")]["wall"] / compiled[("plusofon", "hand")]["wall"]
                  if "wall" in compiled.get(("plusofon", "ours"), {}) else None)
    if hand_ratio:
        summary.append(("Compile within 1.5× of the hand-written client (Plusofon) (7)",
                        verdict(hand_ratio <= TARGETS["compile_vs_hand"], f"{hand_ratio:.2f}×")))
    if phases:
        out += ["", "Where compiles spend their time (one run each, `-stats-output-dir`; seconds, then the "
                "compiler's counters): a profile of the compiler by phase, for Plusofon and for the published spec "
                "with the lowest speedup when it misses.", "",
                "| phase | " + " | ".join(f"{spec} {kind}" for spec, kind in phases) + " |",
                "| --- |" + " ---: |" * len(phases)]
        for phase in next(iter(phases.values())):
            values = [phases[key][phase] for key in phases]
            cells = ["–" if value is None else (f"{value:.3f}" if isinstance(value, float) else f"{value:,}")
                     for value in values]
            out.append(f"| {phase} | " + " | ".join(cells) + " |")

    # 4. Runtime
    out += ["", "## 4. Runtime cost of one call, without a network", "",
            f"Through a `ClientTransport` that returns canned bytes: `listWebhooks` decoding a page of "
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
        summary.append((f"Runtime {case} within 1.15× of hand-written and not slower than theirs (7)",
                        verdict(met, f"{versus_hand:.2f}× hand-written, {versus_theirs:.2f}× theirs")))

    # 5. Requests
    out += ["", "## 5. Request overhead over HTTP on 127.0.0.1", "",
            "`RequestBench`: Plusofon's generated `getWebhook(webhookID:)` (default `URLSessionTransport()`) "
            "against a hand-written call of the same request (`URLRequest` with the same `Accept`, `Client` "
            "and bearer headers, `URLSession.shared.data(for:)`, a status check and `JSONDecoder` into a "
            "hand-written `Codable` struct), both on `URLSession.shared`, to a Hummingbird 2 server on "
            "127.0.0.1 in the same process that answers a 390-byte webhook (401 without both credentials). "
            "A round sends the same number of requests through one client from 1 or 16 tasks; the clients "
            "alternate round by round after a warm-up round each. Per request: wall µs (round time / requests) "
            "and the process's CPU µs (client and server).", ""]
    if "error" in request_results:
        out.append(f"Not measured: {request_results['error']}.")
        summary.append(("Request ≤ 1.05× hand-written at 1 and 16 concurrent (16)",
                        f"**not measured**: {request_results['error']}"))
    else:
        out += [f"{request_results['requests']:,} requests per round, {request_results['rounds']} rounds per client. "
                "*Lean* is our operation through a minimal `ClientTransport` that only calls "
                "`URLSession.shared.data(for:)`: ours to lean is swift-openapi-urlsession's share, lean to "
                "hand-written our runtime's and the `ClientTransport` bridge's.", "",
                "| concurrent | ours µs | lean µs | hand-written µs | ours / hand | lean / hand | ours CPU µs | hand CPU µs | ours / hand, CPU | target ≤ 1.05× |",
                "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
        for concurrency, clients in request_results["concurrency"].items():
            ours, hand = clients["ours"], clients["hand"]
            lean = clients.get("ours-lean", {"wall_us": float("nan")})
            ratio, cpu_ratio = ours["wall_us"] / hand["wall_us"], ours["cpu_us"] / hand["cpu_us"]
            out.append(f"| {concurrency} | {ours['wall_us']:.0f} | {lean['wall_us']:.0f} | {hand['wall_us']:.0f} | "
                       f"{ratio:.3f}× | {lean['wall_us'] / hand['wall_us']:.3f}× | "
                       f"{ours['cpu_us']:.0f} | {hand['cpu_us']:.0f} | {cpu_ratio:.3f}× | "
                       f"{'met' if ratio <= TARGETS['request'] else '**missed**'} |")
            summary.append((f"Request ≤ 1.05× hand-written at {concurrency} concurrent (16)",
                            verdict(ratio <= TARGETS["request"], f"{ratio:.3f}× wall, {cpu_ratio:.3f}× CPU")))
        counted = request_results.get("instructions")
        if counted:
            out += ["", "Instructions per request at 1 concurrent, the whole process (client and server), counted "
                    "by callgrind (the difference of two runs of different lengths): "
                    f"hand-written {counted['hand']:,.0f}, lean {counted['ours-lean']:,.0f} "
                    f"({counted['ours-lean'] / counted['hand']:.3f}×), ours {counted['ours']:,.0f} "
                    f"({counted['ours'] / counted['hand']:.3f}×)."]

    # 6. Receiver
    out += ["", "## 6. Webhook receiver overhead", "",
            "`ReceiverBench` serves, on one Hummingbird 2 `Router` on 127.0.0.1: `/bare`, a bare route that "
            "reads the body (at most 1 MiB) and answers 200; `/bare-decode`, the same with a `JSONDecoder` "
            "decoding it into the generated `Api4Com.ChannelEvent` first (the least a hand-written receiver "
            "does; a reference, not a target); `/hooks/api4com`, the generated "
            "`Api4Com.WebhookEvent.register(on:path:handler:)` on the same `Router` through swift-openapi-hummingbird "
            "(read, decode, handler, 200); and `/hooks/api4com-verified`, the same with "
            "`verifier: .queryParameter(\"secret\", equals:)`. `wrk` (a second process, one thread, "
            f"{receiver_results.get('connections', 16)} connections) POSTs Api4Com's documented webhook payloads "
            "from specs/api4com.yaml in turn; the routes alternate round by round after a warm-up each. Every "
            "payload is checked to get 200 from every route first, and the server counts what each route "
            "handled.", ""]
    if "error" in receiver_results:
        out.append(f"Not measured: {receiver_results['error']}.")
        summary.append(("Receiver ≥ 0.8× the requests/s of a bare route (16)",
                        f"**not measured**: {receiver_results['error']}"))
    else:
        bare = receiver_results["median"]["bare"]
        out += [f"{receiver_results['payloads']} payloads, {receiver_results['rounds']} rounds of "
                f"{receiver_results['seconds']} s per route.", "",
                "| route | requests/s (median) | rounds | / bare | non-2xx | p50 latency (last round) | target ≥ 0.8× |",
                "| --- | ---: | --- | ---: | ---: | --- | --- |"]
        for route, rate in receiver_results["median"].items():
            samples = receiver_results["routes"][route]
            failed = sum(sample["failed"] for sample in samples)
            share = rate / bare
            mark = "–" if route.startswith("bare") else ("met" if share >= TARGETS["receiver"] else "**missed**")
            out.append(f"| /{route.split('?')[0]} | {rate:,.0f} | {', '.join(format(s['rate'], ',.0f') for s in samples)} | "
                       f"{share:.2f}× | {failed} | {samples[-1]['p50']} | {mark} |")
        counted = receiver_results.get("instructions")
        if counted:
            out += ["", "Instructions per delivery of the generated routes' handlers alone (verifier, body, decode, "
                    "handler, answer), counted by callgrind in process without a server (`ReceiverBench profile`; "
                    "callgrind cannot run the server): "
                    + ", ".join(f"/hooks/{route} {count:,.0f}" for route, count in counted.items()) + "."]
        handled = receiver_results.get("handled", {})
        out += ["", "Handled by the server (all rounds and warm-ups): "
                + ", ".join(f"{name} {count:,}" for name, count in sorted(handled.items())) + "."]
        share = receiver_results["median"]["hooks/api4com"] / bare
        summary.append(("Receiver ≥ 0.8× the requests/s of a bare route (16)",
                        verdict(share >= TARGETS["receiver"], f"{share:.2f}× ({receiver_results['median']['hooks/api4com']:,.0f} "
                                f"against {bare:,.0f} requests/s)")))

    streaming = BENCH / "Scripts/streaming-memory.md"
    if streaming.exists():
        out += ["", streaming.read_text().strip()]
    if naming_results:
        out += [""] + naming(naming_results)
    if receiver_results.get("signatures"):
        out += [""] + signatures(receiver_results["signatures"])

    targets = ["## Targets", "", "The issue that set each target is in brackets: (16) published specs, (7) the first "
               "benchmarks.", "", "| target | result |", "| --- | --- |"]
    targets += [f"| {target} | {result} |" for target, result in summary] + [""]
    first_section = out.index("## 1. Generation time and memory")
    out[first_section:first_section] = targets

    if profiles or perf_profiles:
        out += ["", "## Profiles of the missed targets", ""]
    if profiles:
        out += ["`valgrind --tool=callgrind` on a copy of the binary without DWARF (valgrind 3.19 cannot read "
                "Swift's DWARF 5; symbols remain). Instruction counts, not seconds."]
        for title, body in profiles:
            out += ["", f"### {title}", "", body]
    for name, tables in perf_profiles.items():
        if not tables:
            out += ["", f"### {name}", "", "perf is not available here."]
            continue
        out += ["", f"### {name}: `perf record -e cpu-clock` (self time; samples of the process)"]
        for variant, (lines, libraries) in tables.items():
            out += ["", f"**{variant}** (by library: {libraries})", "", *lines]

    analysis = BENCH / "Scripts/analysis.md"
    if analysis.exists():
        out += ["", analysis.read_text().strip()]

    out += ["", "## Method", "",
            "- `make bench` (or `make -C Benchmarks bench`; `make bench SPECS=folder` for other published specs) "
            "builds sdkgen and swift-openapi-generator the same way, in this package and one build folder "
            "(`swift build -c release --static-swift-stdlib --product sdkgen|swift-openapi-generator --scratch-path "
            ".build-static`, so against the same OpenAPIKit and Yams builds), `ParseFloor` likewise; then "
            "`RuntimeBench`, `RequestBench` and `ReceiverBench` in release and the prebuilt modules in "
            "debug; then it runs Scripts/bench.py. It stays out of `make test` and CI.",
            "- Published specs: every `.yaml`, `.yml` and `.json` file of `../shared/realspecs` (or of `SPECS`), "
            "unchanged. sdkgen gets `--skip-unsupported` only for a spec it cannot generate without it (the table "
            "says so). Operations are counted from the spec's `paths`.",
            "- Synthetic specs: `Scripts/synthetic_spec.py N` writes N operations: per resource list, create, get, "
            "update and delete, enums, nested and inline objects, pagination and shared error responses.",
            "- Their client for the runtime benchmark is generated from specs/plusofon.yaml into "
            "`Sources/TheirPlusofon` by `make bench`; `RuntimeBench` checks before timing that the three clients "
            "decode the same page and send the same request; `RequestBench` that both clients decode the same webhook.",
            "- `make before` builds sdkgen at the Makefile's `BEFORE` commit (main before a round's changes) from a "
            "git worktree in `.build-before/src`, into `.build-before/build`, the way `tools` builds sdkgen: the "
            "*before* column of section 1 and the *before* rows of section 8.",
            "- Profiles of missed targets are written to `.build-bench/callgrind.*.out` and `.build-bench/perf.*.data`."]
    return "\n".join(out) + "\n"


# Sections of issues 22, 23 and 25 (also written alone by `bench.py --only`, into partial.md)

def generation_before(generated, published):
    """Issue 23: sdkgen now against sdkgen at the Makefile's BEFORE commit, both built alike."""
    import before
    out = ["### sdkgen before this round's changes (commit " + before.commit() + ")", "",
           "The same specs, flags and alternation as the table above, with sdkgen built from a git worktree of "
           "the Makefile's `BEFORE` commit exactly as the current one is (`make before`: release, "
           "`--static-swift-stdlib`). Instructions are callgrind's count of one run of each (every spec: the "
           "small ones' times are mostly the process's start and the machine's load), which the load does not "
           "change.", "",
           "| spec | before ms (CPU) | now ms (CPU) | now / before (time) | before instructions | now instructions | "
           "now / before (instructions) | not slower |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for name, entry in generated.items():
        if entry["ours_error"] or entry.get("before_error"):
            out.append(f"| {name} | {one_line(entry.get('before_error') or 'ours failed', 60)} | – | – | – | – | – | – |")
            continue
        time_ratio = ms(entry["ours"]) / ms(entry["before"])
        counted = entry.get("callgrind") or {}
        instructions = "– | – | –"
        judged = time_ratio
        if counted.get("before") and counted.get("after"):
            judged = counted["after"] / counted["before"]
            instructions = f"{counted['before']:,} | {counted['after']:,} | {judged:.3f}×"
        mark = "met" if judged <= 1.02 else "**missed**"
        out.append(f"| {name} | {ms(entry['before']):.0f} ({cpu_ms(entry['before']):.0f}) | "
                   f"{ms(entry['ours']):.0f} ({cpu_ms(entry['ours']):.0f}) | {time_ratio:.2f}× | {instructions} | {mark} |")
    out += ["", "*Not slower* is judged on instructions where they were counted (within 2%), else on wall time."]
    return out


def naming(variants):
    """Issue 25: the Twilio Voice and SignalWire clients before and after its naming change."""
    import before
    out = ["## 8. Naming: Twilio Voice and SignalWire clients before and after (issue 25)", "",
           f"Each client generated by sdkgen at commit {before.commit()} (*before*, `make before`) and by the "
           "current sdkgen (*after*), with `--import TelephonyWebhooks`, and compiled as section 3 compiles ours "
           f"(`{' '.join(SWIFTC)}` against the runtime module), alternated round by round after one warm-up "
           "round. *Types* counts struct, enum, class and actor declarations but CodingKeys; *HTTP-method enums* "
           "the enums whose raw values are all HTTP methods (`GET`, `POST`, …). *SIL functions*, *LLVM "
           "instructions* and *object bytes* are the frontend's own counters (`-stats-output-dir`), the same "
           "under any load; *type-check s* and *frontend s* its timers, from the warm-up round.", "",
           "| client | lines | bytes | types | HTTP-method enums | compile wall ms (CPU) | runs | peak MiB | "
           "type-check s | frontend s | SIL functions | LLVM instructions | object bytes |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for (name, label), value in variants.items():
        if "lines" not in value:
            out.append(f"| {name} {label} | failed: {one_line(value.get('error'), 100)} |" + " – |" * 11)
            continue
        stats = value.get("stats") or {}

        def number(key, digits=0):
            figure = stats.get(key)
            return "–" if figure is None else f"{figure:,.{digits}f}"
        compiled = (f"{value['wall'] * 1000:,.0f} ({value['cpu'] * 1000:,.0f}) | {value['runs']} | {value['peak_mib']:.0f}"
                    if "wall" in value else f"failed: {one_line(value.get('error'), 80)} | – | –")
        out.append(f"| {name} {label} | {value['lines']:,} | {value['bytes']:,} | {value['types']} | "
                   f"{len(value['method_enums'])} | {compiled} | {number('type-check s', 2)} | "
                   f"{number('frontend s', 2)} | {number('SIL functions')} | {number('LLVM instructions')} | "
                   f"{number('object bytes')} |")
    for (name, label), value in variants.items():
        if value.get("method_enums"):
            names = value["method_enums"]
            shown = ", ".join(f"`{enum}`" for enum in names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
            out += ["", f"- {name} {label}: {shown}"]
    return out


def signatures(results):
    """Issue 22: each webhook signature scheme's cost per delivery, beside an unverified one."""
    out = ["## 9. Webhook signature schemes: instructions per delivery (issue 22)", "",
           "`ReceiverBench profile ROUTE COUNT FILE…` calls a generated route's handler in process (no server) "
           "with Api4Com's documented payloads in turn: `/hooks/api4com` without a verifier, "
           "`/hooks/api4com-verified` with the static `.queryParameter` verifier, and one route per signature "
           "scheme (Sources/ReceiverBench/SignedRoutes.swift) whose deliveries `WebhookSigner` signs once each, "
           "before the loop, with fixed keys; Twilio and SignalWire get a JSON body covered by `bodySHA256` in "
           "the signed URL, built from the `Host` (authority) and the request target. Each route verifies, "
           "reads, decodes and handles every delivery. Counted by callgrind: the difference of two runs of "
           "different lengths, so the setup and the signing drop out.", ""]
    if "error" in results:
        return out + [f"Not measured: {results['error']}."]
    counts = results["per_delivery"]
    base = counts["api4com"]
    out += ["| route | verifier | instructions per delivery | over unverified | × unverified | largest callees of the check (inclusive, per delivery) | top own cost over unverified (per delivery) |",
            "| --- | --- | ---: | ---: | ---: | --- | --- |"]
    verifiers = {"api4com": "none", "api4com-verified": "`.queryParameter`",
                 "api4com-standard-webhooks": "`.standardWebhooks`", "api4com-twilio": "`.twilio`",
                 "api4com-signalwire": "`.signalWire`", "api4com-telnyx": "`.telnyx`", "api4com-vonage": "`.vonage`"}

    def listed(rows, count):
        return "; ".join(f"`{one_line(name, 70)}` {cost:,.0f}" for cost, name in rows[:count] if cost > 0) or "–"
    for route, count in counts.items():
        out.append(f"| /hooks/{route} | {verifiers.get(route, '?')} | {count:,.0f} | {count - base:+,.0f} | "
                   f"{count / base:.2f}× | {listed(results.get('within', {}).get(route, []), 4)} | "
                   f"{listed(results['top'].get(route, []), 3)} |")
    return out
