#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Swift, -sanitize=fuzzer) and runs each for SECONDS (default 60), from a seed
# corpus made of Protocol/vectors. Usage: Tests/Fuzz/run.sh [seconds] [harness...]
#
# Environment: FUZZ_RUNS (stop each harness after this many inputs; with seconds 0, inputs are the only bound),
# FUZZ_WORK (corpus, artifacts, logs; default Tests/Fuzz/.work), FUZZ_BUILD (scratch path; default
# Tests/Fuzz/.build), FUZZ_SANITIZE (extra sanitizer, e.g. "address"), FUZZ_JOBS (parallel jobs per harness,
# default 1). Exits non-zero, leaving the input in $FUZZ_WORK/artifacts, when a harness finds a failure.
#
# A campaign of 10 million inputs per harness, one harness at a time:
#   for h in FuzzMessageDecoder FuzzInflate FuzzFrameDecoder; do FUZZ_RUNS=10000000 Tests/Fuzz/run.sh 0 $h; done
set -euo pipefail

seconds="${1:-60}"
shift || true
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${FUZZ_WORK:-$here/.work}"
build="${FUZZ_BUILD:-$here/.build}"
jobs="${FUZZ_JOBS:-1}"
max_runs="${FUZZ_RUNS:--1}"
harnesses=(FuzzFrameDecoder FuzzMessageDecoder FuzzInflate)
[ "$#" -gt 0 ] && harnesses=("$@")

# SwiftPM gives every executable a `main` (its top-level code, renamed) and libFuzzer brings its own: the linker
# keeps one, and each harness works with either (see the end of each main.swift). The package itself instruments
# its own targets for the fuzzer (Package.swift); an extra sanitizer applies to everything, swift-nio included.
swift_flags=(-c release --package-path "$here" --scratch-path "$build" -Xlinker --allow-multiple-definition)
[ -n "${FUZZ_SANITIZE:-}" ] && swift_flags+=(-Xswiftc "-sanitize=$FUZZ_SANITIZE")
swift build "${swift_flags[@]}"
bin="$(swift build "${swift_flags[@]}" --show-bin-path)"

# Seeds: every golden frame (whole, for the pipeline), its JSON (for the decoder), its zlib stream behind a
# limit-selector byte (for inflation); malformed frames as they are; the attack shapes of issue 19, small.
seeds="$work/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{FuzzFrameDecoder,FuzzMessageDecoder,FuzzInflate} "$work/artifacts"
for hex in "$root"/Protocol/vectors/*.hex "$root"/Protocol/vectors/malformed/*.hex; do
    name="$(basename "$(dirname "$hex")")-$(basename "$hex" .hex)"
    frame="$seeds/FuzzFrameDecoder/$name"
    tr -d ' \n' < "$hex" | xxd -r -p > "$frame"
    flags="$(xxd -s 4 -l 1 -p "$frame" || true)"
    if [ "$flags" = "00" ]; then
        tail -c +6 "$frame" > "$seeds/FuzzMessageDecoder/$name"
    elif [ "$flags" = "01" ]; then
        { printf '\x04'; tail -c +6 "$frame"; } > "$seeds/FuzzInflate/$name"
    fi
done
for json in "$root"/Protocol/vectors/*.json; do
    cp "$json" "$seeds/FuzzMessageDecoder/vector-$(basename "$json")"
done
marks="a$(printf '\xcc\x81\xcc\x96%.0s' $(seq 1 20))"
printf '{"type":"ping","nonce":7,"%s":0}' "$marks" > "$seeds/FuzzMessageDecoder/attack-mark-run-name"
printf '{"type":"%s","nonce":7}' "$marks" > "$seeds/FuzzMessageDecoder/attack-mark-run-type"
printf '{"type":"ping","nonce":7,"x":[%s0]}' "$(printf '0,%.0s' $(seq 1 200))" \
    > "$seeds/FuzzMessageDecoder/attack-unknown-zeros"
printf '{"type":"push","batch_id":"b","changes":[{"author":"a","change_id":"c","client_id":"c","entity":"article","entity_id":"e","hlc":"001725523200000-00003","op":"update","fields":{"x":[%s[0]]}}]}' \
    "$(printf '[0],%.0s' $(seq 1 200))" > "$seeds/FuzzMessageDecoder/attack-nested-arrays"
for attack in "$seeds"/FuzzMessageDecoder/attack-*; do
    length=$(( $(wc -c < "$attack") + 1 ))
    { printf "\\x$(printf %02x $((length >> 24 & 255)))\\x$(printf %02x $((length >> 16 & 255)))"
      printf "\\x$(printf %02x $((length >> 8 & 255)))\\x$(printf %02x $((length & 255)))\\x00"
      cat "$attack"; } > "$seeds/FuzzFrameDecoder/$(basename "$attack")"
done
for regression in "$here"/Regressions/*; do
    case "$regression" in *.md) continue ;; esac
    [ -f "$regression" ] && cp "$regression" "$seeds/FuzzFrameDecoder/regression-$(basename "$regression")"
done

status=0
for harness in "${harnesses[@]}"; do
    corpus="$work/corpus/$harness"
    mkdir -p "$corpus"
    log="$work/$harness.log"
    echo "== $harness: ${seconds}s${FUZZ_RUNS:+, at most $max_runs inputs}"
    max_len=16384
    [ "$harness" = FuzzInflate ] && max_len=4096
    parallel=()
    [ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
    rm -f "$work"/fuzz-*.log
    if ! (cd "$work" && "$bin/$harness" "$corpus" "$seeds/$harness" -max_total_time="$seconds" -runs="$max_runs" \
            -max_len="$max_len" -timeout=10 -rss_limit_mb=3072 -print_final_stats=1 "${parallel[@]}" \
            -artifact_prefix="$work/artifacts/$harness-") > "$log" 2>&1; then
        status=1
        echo "!! $harness failed; see $log and $work/artifacts" >&2
        tail -n 30 "$log" >&2
    fi
    runs="$(cat "$log" "$work"/fuzz-*.log 2>/dev/null | grep -h 'stat::number_of_executed_units' \
            | awk '{ total += $2 } END { print total + 0 }' || true)"
    echo "   inputs run: $runs"
done
exit "$status"
