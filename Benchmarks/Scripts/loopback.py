"""The two benchmarks over real HTTP on 127.0.0.1: a generated operation against a hand-written
URLSession call (RequestBench, server and clients in one process), and a generated webhook
receiver against a bare Hummingbird route (ReceiverBench, loaded by wrk from a second process)."""

import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request

import yaml

from common import (RECEIVER_BENCH, REQUEST_BENCH, ROOT, RUNS, WORK, annotate, callgrind, demangle, log, median,
                    perf_available, perf_table, stripped)

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "2000"))
WRK_SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "5"))
WRK_CONNECTIONS = 16
RECEIVER_ROUTES = ["bare", "bare-decode", "hooks/api4com", "hooks/api4com-verified?secret=s3cr3t"]


# Request overhead

def requests():
    if not REQUEST_BENCH.exists():
        return {"error": f"{REQUEST_BENCH.name} was not built"}
    log("request overhead: RequestBench")
    result = subprocess.run([REQUEST_BENCH, str(RUNS), str(REQUESTS)], capture_output=True, text=True)
    if result.returncode != 0:
        return {"error": (result.stderr.strip() or "failed").splitlines()[-1][:300]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def request_profile(concurrency):
    """perf of the two clients at `concurrency`, the same number of requests each."""
    if not perf_available():
        return None
    tables = {}
    for client in ["ours", "hand"]:
        data = WORK / f"perf.request.{client}.{concurrency}.data"
        subprocess.run(["perf", "record", "-e", "cpu-clock", "-F", "1999", "-o", data, "--",
                        REQUEST_BENCH, "profile", client, str(REQUESTS * 2), str(concurrency)],
                       capture_output=True)
        tables[client] = perf_table(data)
    return tables


def request_instructions(short=50, long=300):
    """Instructions per request of each client at 1 concurrent (callgrind, the whole process,
    server included): the difference of two runs of different lengths. The machine's load does
    not change the counts, but threads that poll make runs differ by a few percent."""
    if not REQUEST_BENCH.exists():
        return None
    binary = stripped(REQUEST_BENCH)
    counts = {}
    for client in ["hand", "ours-lean", "ours"]:
        log(f"request overhead: callgrind {client}")
        first = callgrind([binary, "profile", client, short, 1])
        second = callgrind([binary, "profile", client, long, 1], WORK / f"callgrind.request.{client}.out")
        counts[client] = (second - first) / (long - short)
    return counts


# Webhook receiver

def api4com_payloads():
    """Every documented example payload of Api4Com's webhooks, as JSON text."""
    spec = yaml.safe_load((ROOT / "specs/api4com.yaml").read_text())
    bodies = []
    for item in (spec.get("webhooks") or {}).values():
        content = item.get("post", {}).get("requestBody", {}).get("content", {})
        for example in (content.get("application/json", {}).get("examples") or {}).values():
            if "value" in example:
                bodies.append(json.dumps(example["value"], separators=(",", ":")))
    return bodies


def wrk_script(bodies):
    """A wrk script that POSTs the payloads in turn."""
    def lua_string(text):
        return "[==[" + text + "]==]"
    path = WORK / "receiver.lua"
    path.write_text("local bodies = {" + ", ".join(lua_string(body) for body in bodies) + "}\n"
                    "local i = 0\n"
                    "request = function()\n"
                    "  i = i % #bodies + 1\n"
                    "  return wrk.format(\"POST\", nil, {[\"Content-Type\"] = \"application/json\"}, bodies[i])\n"
                    "end\n")
    return path


def wrk(url, script, seconds):
    command = ["wrk", "-t1", f"-c{WRK_CONNECTIONS}", f"-d{seconds}s", "--latency", "-s", str(script), url]
    text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    completed = int(re.search(r"(\d+) requests in", text).group(1))
    failed = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", text)) else 0
    errors = re.search(r"Socket errors: (.*)", text)
    latency = re.search(r"\s50%\s+([\d.]+\w+)", text)
    return {"rate": rate, "completed": completed, "failed": failed,
            "socket_errors": errors.group(1) if errors else None, "p50": latency.group(1) if latency else None}


def start_receiver():
    process = subprocess.Popen([RECEIVER_BENCH], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    match = re.match(r"port (\d+)", line)
    if not match:
        process.kill()
        raise RuntimeError(f"ReceiverBench did not start: {line} {process.stderr.read()[-500:]}")
    return process, int(match.group(1))


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def receiver():
    if not RECEIVER_BENCH.exists():
        return {"error": f"{RECEIVER_BENCH.name} was not built: the generated `register(on:…)` is not on this tree "
                         "(issue 13)"}
    if not shutil.which("wrk"):
        return {"error": "wrk is not installed (`apt-get install wrk`)"}
    bodies = api4com_payloads()
    script = wrk_script(bodies)
    process, port = start_receiver()
    results = {"payloads": len(bodies), "rounds": RUNS, "seconds": WRK_SECONDS, "connections": WRK_CONNECTIONS,
               "routes": {route: [] for route in RECEIVER_ROUTES}}
    try:
        # Every payload must be accepted by every route before anything is timed.
        for route in RECEIVER_ROUTES:
            for body in bodies:
                request = urllib.request.Request(f"http://127.0.0.1:{port}/{route}", data=body.encode(),
                                                 headers={"Content-Type": "application/json"}, method="POST")
                with urllib.request.urlopen(request, timeout=10) as response:
                    if response.status != 200:
                        raise RuntimeError(f"/{route} answered {response.status}")
        for route in RECEIVER_ROUTES:
            log(f"receiver: warm-up /{route}")
            wrk(f"http://127.0.0.1:{port}/{route}", script, 2)
        for index in range(RUNS):
            order = RECEIVER_ROUTES if index % 2 == 0 else list(reversed(RECEIVER_ROUTES))
            for route in order:
                log(f"receiver: round {index + 1} of {RUNS}, /{route}")
                results["routes"][route].append(wrk(f"http://127.0.0.1:{port}/{route}", script, WRK_SECONDS))
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/count", timeout=10) as response:
            handled = dict(line.rsplit(" ", 1) for line in response.read().decode().splitlines())
        results["handled"] = {name: int(count) for name, count in handled.items()}
    finally:
        stop(process)
    for route, samples in results["routes"].items():
        results.setdefault("median", {})[route] = median([sample["rate"] for sample in samples])
    return results


def receiver_profile():
    """perf of the server process under the same load on the bare and the generated route."""
    if not perf_available() or not RECEIVER_BENCH.exists():
        return None
    script = wrk_script(api4com_payloads())
    tables = {}
    for route in ["bare", "hooks/api4com"]:
        process, port = start_receiver()
        data = WORK / f"perf.receiver.{route.replace('/', '-')}.data"
        try:
            wrk(f"http://127.0.0.1:{port}/{route}", script, 1)
            recorder = subprocess.Popen(["perf", "record", "-e", "cpu-clock", "-F", "1999", "-o", data,
                                         "-p", str(process.pid)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.5)
            wrk(f"http://127.0.0.1:{port}/{route}", script, WRK_SECONDS)
            recorder.send_signal(signal.SIGINT)
            recorder.wait(timeout=60)
        finally:
            stop(process)
        tables[route] = perf_table(data)
    return tables


def receiver_instructions(short=100, long=1100):
    """Instructions per delivery of the generated routes' handlers, in process without a server
    (`ReceiverBench profile`; callgrind cannot run the server): our runtime's part of a delivery."""
    if not RECEIVER_BENCH.exists():
        return None
    return routes_instructions(["api4com", "api4com-verified"], short, long)


def routes_instructions(routes, short, long):
    """Instructions per delivery of each of `routes` in `ReceiverBench profile`: the difference of
    two runs of different lengths, which removes the setup (and a signed route's signing)."""
    binary = stripped(RECEIVER_BENCH)
    files = []
    for index, body in enumerate(api4com_payloads()):
        path = WORK / f"receiver-payload-{index}.json"
        path.write_text(body)
        files.append(path)
    counts = {}
    for route in routes:
        log(f"receiver: callgrind /hooks/{route}")
        first = callgrind([binary, "profile", route, short, *files])
        second = callgrind([binary, "profile", route, long, *files], WORK / f"callgrind.receiver.{route}.out")
        counts[route] = (second - first) / (long - short)
    return counts


# Each signature scheme's route (SignedRoutes.swift), beside the unverified and the static
# query-parameter ones: issue 22's cost of a scheme per delivery.
SIGNATURE_ROUTES = ["api4com", "api4com-verified", "api4com-standard-webhooks", "api4com-twilio",
                    "api4com-signalwire", "api4com-telnyx", "api4com-vonage"]


def signature_instructions(short=50, long=550):
    """Instructions per delivery of each scheme's route, and the functions that dominate each
    (callgrind's own cost in the longer run, setup included but spread over `long` deliveries)."""
    if not RECEIVER_BENCH.exists():
        return {"error": f"{RECEIVER_BENCH.name} was not built"}
    counts = routes_instructions(SIGNATURE_ROUTES, short, long)
    own = {route: dict((symbol, cost) for cost, symbol in
                       annotate(WORK / f"callgrind.receiver.{route}.out", inclusive=False))
           for route in SIGNATURE_ROUTES}
    inclusive = {route: annotate(WORK / f"callgrind.receiver.{route}.out", inclusive=True)
                 for route in SIGNATURE_ROUTES}
    unverified = dict((symbol, cost) for cost, symbol in inclusive["api4com"])
    top, within = {}, {}
    for route in SIGNATURE_ROUTES[1:]:
        extra = sorted(((cost - own["api4com"].get(symbol, 0), symbol) for symbol, cost in own[route].items()),
                       reverse=True)[:6]
        names = demangle([symbol for _, symbol in extra])
        top[route] = [(cost / long, name) for (cost, _), name in zip(extra, names)]
        within[route] = inside_check(inclusive[route], unverified, long)
    return {"deliveries": long, "per_delivery": counts, "top": top, "within": within}


def inside_check(rows, unverified, deliveries, count=6):
    """The largest callees of the verifier's check in a route's profile, inclusive and per delivery
    beyond the unverified route's: what a scheme spends its instructions on (HMAC, Ed25519, URL
    building, base64, JSON). Callers that only pass the cost down (the same cost) are left out."""
    extra = sorted(((cost - unverified.get(symbol, 0), symbol) for cost, symbol in rows
                    if "'" not in symbol and not re.search(r"T[QY]\d+_$", symbol)), reverse=True)[:80]
    names = demangle([symbol for _, symbol in extra])
    anchor = next((cost for (cost, _), name in zip(extra, names) if "WebhookVerifier.check(" in name), None)
    if anchor is None:
        return []
    chosen, seen = [], set()
    for (cost, _), name in zip(extra, names):
        if cost >= 0.97 * anchor or cost in seen or "partial apply" in name or "protocol witness" in name:
            continue
        seen.add(cost)
        chosen.append((cost / deliveries, name))
        if len(chosen) == count:
            break
    return chosen
