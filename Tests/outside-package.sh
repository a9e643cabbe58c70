#!/usr/bin/env bash
# `make outside`: a user's package outside this repository (the template in Tests/OutsidePackage/)
# depends on it by path and adds a provider of its own, Dialtone. In order:
#   1. a library user's `swift build`, with the generated code checked in, compiles none of the
#      generator, its dependencies or the plugin, nor TelephonyWebhooksObservability, swift-log or
#      swift-distributed-tracing;
#   2. `swift run sdkgen generate … --import TelephonyWebhooks` regenerates it, `--check` passes,
#      and `swift test` (its code compiled with warnings as errors) calls two operations and more
#      against a server on 127.0.0.1;
#   3. the `generate-sdk` plugin regenerates the same bytes, and `swift test` passes again;
#   4. `--check` and `generate-sdk --check` fail on a changed spec, naming the file, and a broken
#      spec makes the plugin fail with the spec's file:line:column, writing nothing.
# Prints one line. The whole log is $SCRATCH/outside.log; the build folder is reused between runs.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
SWIFT=${SWIFT:-swift}
SCRATCH=${OUTSIDE_SCRATCH:-$REPO/.build-outside}
# Outside the repository: the package, and beside it a link to the repository that its
# Package.swift names as `../TelephonyWebhooks`.
OUTSIDE=${OUTSIDE_FOLDER:-${TMPDIR:-/tmp}/telephonywebhooks-outside-$(printf %s "$REPO" | cksum | cut -d' ' -f1)}
PKG=$OUTSIDE/DialtoneSDK
LOG=$SCRATCH/outside.log
GENERATED=Sources/Dialtone/Generated
SPECS=Sources/Dialtone/specs
SPEC=$SPECS/dialtone.yaml
FORBIDDEN='SDKGenCore|sdkgen|OpenAPIKit|OpenAPIKitCore|OpenAPIKitCompat|OpenAPIKit30|Yams|CYaml|ArgumentParser|ArgumentParserToolInfo|GenerateSDK|FlyingFox|FlyingSocks|TelephonyWebhooksObservability|Logging|Tracing|Instrumentation|ServiceContextModule|InMemoryLogging|InMemoryTracing'

start=$SECONDS
fresh=$([ -d "$SCRATCH/debug" ] && echo no || echo yes)
mkdir -p "$SCRATCH"
: >"$LOG"

fail() {
  echo "outside package: FAILED at $1 after $((SECONDS - start)) s (log: $LOG)"
  tail -n 40 "$LOG" >&2
  exit 1
}
# Runs a command in the package, appending its output to the log.
run() {
  echo "== $*" >>"$LOG"
  (cd "$PKG" && "$@") >>"$LOG" 2>&1
}
# Runs a command that must fail, and keeps its output for the caller in $OUT.
run_failing() {
  echo "== (expected to fail) $*" >>"$LOG"
  if OUT=$(cd "$PKG" && "$@" 2>&1); then echo "$OUT" >>"$LOG"; return 1; fi
  echo "$OUT" >>"$LOG"
}
tests_passed() { grep -Eo 'Test run with [0-9]+ tests? (in [0-9]+ suites? )?passed' "$LOG" | tail -n 1 | grep -Eo '[0-9]+' | head -n 1; }

# The package, copied fresh outside the repository, its dependency pointing back here.
rm -rf "$PKG"
mkdir -p "$PKG"
ln -sfn "$REPO" "$OUTSIDE/TelephonyWebhooks"
cp -R "$REPO/Tests/OutsidePackage/." "$PKG/"
# The tests' one loopback server, shared with this repository's tests rather than written twice.
cp "$REPO"/Tests/TestSupport/*.swift "$PKG/Tests/DialtoneTests/"
SWIFTPM=(--scratch-path "$SCRATCH")

# 1. A library user: the generated code checked in (here by this repository's sdkgen), `swift build`.
(cd "$REPO" && "$SWIFT" build --product sdkgen >>"$LOG" 2>&1) || fail "building this repository's sdkgen"
run "$REPO/.build/debug/sdkgen" generate "$SPECS" --output "$GENERATED" --import TelephonyWebhooks || fail "generating the checked-in code"
# (Not -v: it changes every compile command, so that the next build would compile all again.)
mark=$(wc -l <"$LOG")
run "$SWIFT" build "${SWIFTPM[@]}" || fail "the library user's swift build"
built=$(tail -n +"$((mark + 1))" "$LOG")
# The modules compiled. SwiftPM also compiles each package plugin's own source, against
# PackagePlugin alone, at the start of a build ("Compiling plugin X"), never what the plugin runs.
modules=$(grep -Eo '(Compiling|Emitting module) [A-Za-z0-9_]+' <<<"$built" | awk '{print $NF}' | grep -vx plugin | sort -u | tr '\n' ' ')
scripts=$(grep -Eo 'Compiling plugin [A-Za-z0-9_]+' <<<"$built" | awk '{print $NF}' | sort -u | tr '\n' ' ')
echo "library user's build compiled: $modules; plugin scripts: $scripts" >>"$LOG"
if grep -Eqw "$FORBIDDEN" <<<"$modules"; then fail "the library user's build compiled the generator, a test server or the observability product: $modules"; fi
if [ "$fresh" = yes ]; then
  grep -qw TelephonyWebhooks <<<"$modules" || fail "the library user's build log names no TelephonyWebhooks module"
  library="a library user's build compiled $(wc -w <<<"$modules") modules (${modules% }), none of sdkgen's"
else
  library="the library user's build was not rechecked: its build folder was reused"
fi
rm -rf "$SCRATCH/outside-checked-in"
cp -R "$PKG/$GENERATED" "$SCRATCH/outside-checked-in"

# 2. `swift run sdkgen` from the dependent package.
rm -rf "${PKG:?}/$GENERATED"
run "$SWIFT" run "${SWIFTPM[@]}" sdkgen generate "$SPECS" --output "$GENERATED" --import TelephonyWebhooks \
  || fail "swift run sdkgen generate"
diff -r "$SCRATCH/outside-checked-in" "$PKG/$GENERATED" >>"$LOG" 2>&1 || fail "comparing swift run sdkgen's output"
run "$SWIFT" run "${SWIFTPM[@]}" sdkgen generate "$SPECS" --output "$GENERATED" --import TelephonyWebhooks --check \
  || fail "sdkgen generate --check on current code"
run "$SWIFT" test "${SWIFTPM[@]}" || fail "swift test after swift run sdkgen"
first=$(tests_passed)

# 3. The plugin.
rm -rf "${PKG:?}/$GENERATED"
run "$SWIFT" package "${SWIFTPM[@]}" --allow-writing-to-package-directory generate-sdk --target Dialtone \
  || fail "swift package generate-sdk"
diff -r "$SCRATCH/outside-checked-in" "$PKG/$GENERATED" >>"$LOG" 2>&1 || fail "comparing the plugin's output"
run "$SWIFT" test "${SWIFTPM[@]}" || fail "swift test after the plugin"
second=$(tests_passed)
warnings=$(grep -E '(warning|error):' "$LOG" | grep -F "$PKG/" || true)
[ -z "$warnings" ] || fail "compiling the package: $(head -n 3 <<<"$warnings")"

# 4. Drift and a broken spec.
sed -i.orig 's/summary: Place a call/summary: Place an outgoing call/' "$PKG/$SPEC"
run_failing "$SWIFT" run "${SWIFTPM[@]}" sdkgen generate "$SPECS" --output "$GENERATED" --import TelephonyWebhooks \
  --check || fail "sdkgen generate --check on a changed spec (it passed)"
grep -q "$GENERATED/Dialtone.swift: error: differs from what dialtone.yaml generates" <<<"$OUT" \
  || fail "sdkgen generate --check naming the file"
run_failing "$SWIFT" package "${SWIFTPM[@]}" --allow-writing-to-package-directory generate-sdk --check \
  || fail "generate-sdk --check on a changed spec (it passed)"
grep -q "$PKG/$GENERATED/Dialtone.swift: error: differs" <<<"$OUT" || fail "generate-sdk --check naming the file"
sed "s|schemas/NewCall'|schemas/NewCal'|" "$PKG/$SPEC.orig" >"$PKG/$SPEC"
run_failing "$SWIFT" package "${SWIFTPM[@]}" --allow-writing-to-package-directory generate-sdk \
  || fail "generate-sdk on a broken spec (it passed)"
grep -Eq "^$PKG/$SPEC:[0-9]+:[0-9]+: error: the \\\$ref \"#/components/schemas/NewCal\" does not resolve" <<<"$OUT" \
  || fail "generate-sdk printing the spec's file:line:column"
grep -Eq "^error: the \\\$ref \"#/components/schemas/NewCal\" does not resolve" <<<"$OUT" \
  || fail "generate-sdk emitting the diagnostic as its own"
diff -r "$SCRATCH/outside-checked-in" "$PKG/$GENERATED" >>"$LOG" 2>&1 || fail "a broken spec left the output unchanged"

echo "outside package: Dialtone generated by swift run sdkgen and by the generate-sdk plugin (same bytes)," \
  "no warnings, ${first:-?} + ${second:-?} tests passed on 127.0.0.1, --check caught drift," \
  "$library ($((SECONDS - start)) s)"
