"""What every part of the benchmark shares: paths, running a timed child process, medians and
profiles."""

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1]
ROOT = BENCH.parent
WORK = BENCH / ".build-bench"
SDKGEN = BENCH / ".build-static/release/sdkgen"
# sdkgen at the Makefile's BEFORE commit, built the same way by `make before`.
BEFORE_SDKGEN = BENCH / ".build-before/build/release/sdkgen"
THEIRS = BENCH / ".build-static/release/swift-openapi-generator"
CONFIG = BENCH / "Scripts/openapi-generator-config.yaml"
RUNTIME_BENCH = BENCH / ".build/release/RuntimeBench"
PARSE_FLOOR = BENCH / ".build-static/release/ParseFloor"
REQUEST_BENCH = BENCH / ".build/release/RequestBench"
RECEIVER_BENCH = BENCH / ".build/release/ReceiverBench"
MODULES = BENCH / ".build/debug/Modules"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
# The compile command, the same for every variant; -I and the files follow.
SWIFTC = ["swiftc", "-c", "-wmo", "-Onone", "-g", "-swift-version", "6", "-parse-as-library",
          "-package-name", "bench"]


def log(message):
    print(message, file=sys.stderr, flush=True)


class Measured(tuple):
    """(wall seconds, user + system CPU seconds, stdout, peak resident memory in MiB)."""

    wall = property(lambda self: self[0])
    cpu = property(lambda self: self[1])
    stdout = property(lambda self: self[2])
    peak_mib = property(lambda self: self[3])


# GNU time, to read a child's own peak memory: the wait4 of a child that Python forks reports
# at least the Python process's resident size (the fork's copy, counted before the exec), 52 MiB
# for both generators in the run of issue 16. time's own fork copies only time (about 1 MiB).
TIME = "/usr/bin/time"


def run(command, cwd=None):
    """Runs `command`; returns a Measured, or raises with its stderr. CPU time comes from wait4,
    so it includes the child's own children (swiftc's frontend); peak memory from GNU time
    (`%M`, the largest of the command and its waited-for children), else from wait4."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err, \
            tempfile.NamedTemporaryFile("w+", suffix=".time") as peak:
        wrapped = [TIME, "-f", "%M", "-o", peak.name] if os.access(TIME, os.X_OK) else []
        start = time.perf_counter()
        process = subprocess.Popen(wrapped + [str(part) for part in command], cwd=cwd, stdout=out, stderr=err,
                                   text=True)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise RuntimeError(f"{Path(str(command[0])).name} exited {process.returncode}: {err.read().strip()[-2000:]}")
        # In KiB on Linux, from time's last line (it writes "Command exited …" before it on failure).
        lines = Path(peak.name).read_text().split() if wrapped else []
        kib = int(lines[-1]) if lines and lines[-1].isdigit() else usage.ru_maxrss
        return Measured((wall, usage.ru_utime + usage.ru_stime, out.read(), kib / 1024))


def median(values):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def swift_lines(folder):
    files = sorted(Path(folder).glob("*.swift"))
    text = "".join(path.read_text() for path in files)
    return len(files), text.count("\n"), len(text.encode())


def last_line(error):
    return str(error).strip().splitlines()[-1][:300] if str(error).strip() else "failed"


def demangle(names):
    result = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(names),
                            capture_output=True, text=True)
    lines = result.stdout.splitlines()
    return lines if len(lines) == len(names) else names


def perf_available():
    try:
        return subprocess.run(["perf", "record", "-e", "cpu-clock", "-o", "/dev/null", "--", "true"],
                              capture_output=True).returncode == 0
    except FileNotFoundError:
        return False


def perf_table(data, count=15):
    """The functions with the most samples of a `perf record` (self time, cpu-clock)."""
    text = subprocess.run(["perf", "report", "-i", str(data), "--stdio", "--no-children",
                           "--sort", "dso,symbol", "--percent-limit", "0.7"],
                          capture_output=True, text=True).stdout
    rows = []
    for line in text.splitlines():
        match = re.match(r"\s*([\d.]+)%\s+(\S+)\s+\[[.k]\]\s+(.+?)\s*$", line)
        if match:
            rows.append((float(match.group(1)), match.group(2), match.group(3)))
    rows = rows[:count]
    names = demangle([symbol for _, _, symbol in rows])
    lines = ["| samples % | library | function |", "| ---: | --- | --- |"]
    for (percent, library, _), name in zip(rows, names):
        lines.append(f"| {percent:.1f} | {library} | `{name[:140]}` |")
    by_library = {}
    for line in subprocess.run(["perf", "report", "-i", str(data), "--stdio", "--no-children", "--sort", "dso"],
                               capture_output=True, text=True).stdout.splitlines():
        match = re.match(r"\s*([\d.]+)%\s+(\S+)\s*$", line)
        if match:
            by_library[match.group(2)] = float(match.group(1))
    top = sorted(by_library.items(), key=lambda item: -item[1])[:8]
    summary = ", ".join(f"{name} {percent:.0f}%" for name, percent in top)
    return lines, summary


def stripped(binary, name=None):
    """valgrind 3.19 cannot read the DWARF 5 that Swift emits; symbols are enough for a profile."""
    copy = WORK / ((name or Path(binary).name) + "-nodebug")
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
