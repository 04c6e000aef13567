#!/usr/bin/env bash
# THE test command of BulletinSync (README, and `.ci/run` calls exactly this): `bash Tests/run-all.sh`.
#
#   1. installs what is missing: Debian `chromium`, `libsqlite3-dev`, `zlib1g-dev`, `openssl`, a font with
#      Vietnamese glyphs (`fonts-noto-core`), Python's venv; PyPI `playwright`, `axe-playwright-python` and
#      `pytest` at the versions pinned in Tests/Browser/requirements.txt, in .build/browser-venv (Playwright drives
#      Debian's /usr/bin/chromium: `playwright install` is never run, nothing else is downloaded);
#   2. starts a throwaway PostgreSQL cluster of its own (Debian's `postgresql` is installed when `initdb`/`pg_ctl`
#      are missing): initdb in a temporary folder as an unprivileged user, listening on 127.0.0.1 on a free port,
#      exported as BULLETIN_TEST_POSTGRES_URL so the store and end-to-end suites run on both backends (each test
#      makes and drops a database of its own); stopped and deleted at the end, whatever happens;
#   3. builds everything once (`swift build --build-tests`, debug, reusing .build) and runs `swift test`;
#   4. runs the browser tests (Tests/Browser, pytest + Playwright + axe-core) against the binaries just built;
#      screenshots, the axe report and every process's log go to .build/browser-tests/;
#   5. builds the libFuzzer harnesses (Tests/Fuzz, release) and runs each for 20 s from the seed corpus.
#
# Works without standard input (CI=true). Every step runs even when an earlier test step failed (a build failure
# stops the run); the exit status is non-zero if anything failed. Each step's time is printed at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

failed=()
timings=()
failed_test_lines=()

# step NAME COMMAND…: runs one step, records its time and whether it failed.
step() {
    local name=$1 start status
    shift
    echo "==> $name"
    start=$(date +%s)
    "$@"
    status=$?
    timings+=("$(printf '%-16s %4ss  %s' "$name" "$(( $(date +%s) - start ))" \
        "$([ "$status" -eq 0 ] && echo ok || echo "FAILED (status $status)")")")
    [ "$status" -eq 0 ] || failed+=("$name")
    return "$status"
}

finish() {
    echo
    echo "==> run-all summary"
    printf '  %s\n' "${timings[@]}"
    if [ ${#failed_test_lines[@]} -gt 0 ]; then
        echo "==> what failed in swift-test (whole log: $SWIFT_TEST_LOG)"
        printf '%s\n' "${failed_test_lines[@]}"
    fi
    if [ ${#failed[@]} -gt 0 ]; then
        echo "run-all: FAILED: ${failed[*]}"
        exit 1
    fi
    echo "run-all: every step passed"
    exit 0
}

install_system_packages() {
    local missing=() package
    for package in chromium libsqlite3-dev zlib1g-dev openssl xxd git; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    # Vietnamese glyphs (ắ, ổ, ự…) for the screenshots: Noto or DejaVu both have them.
    if ! dpkg-query -W -f='${Status}' fonts-noto-core 2>/dev/null | grep -q "install ok installed" &&
        ! dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null | grep -q "install ok installed"; then
        missing+=(fonts-noto-core)
    fi
    python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv python3-pip)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "installing ${missing[*]}"
        apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" || return 1
    fi
    [ -x /usr/bin/chromium ] || { echo "error: /usr/bin/chromium is missing after the install"; return 1; }
}

VENV=.build/browser-venv
install_python_packages() {
    # --system-site-packages: pinned packages already on the machine are used as they are (no download).
    if [ ! -x "$VENV/bin/python" ]; then
        python3 -m venv --system-site-packages "$VENV" || return 1
    fi
    "$VENV/bin/python" -m pip install --quiet -r Tests/Browser/requirements.txt
}

# PostgreSQL, for the suites that run on both store backends: install_postgres, start_postgres, stop_postgres.
source Tests/postgres-cluster.sh
trap stop_postgres EXIT

build() {
    # Strict: warnings are errors (Package.swift), and a target may import only what it declares.
    swift build --build-tests --explicit-target-dependency-import-check error
}

# At most 6 tests at a time: unbounded, every suite's servers, clients and hostile peers ran at once, and on a slow
# 2-core machine the CPU-heavy ones (hostile frames, fuzz inputs, 200 shutdown cycles) starved the others past their
# time limits (4 runs of 4 failed, ac32e6b included; 6 at a time passed in the same 238 s).
# The whole output goes to .build/swift-test.log as well; when the step fails, the lines naming what failed are
# printed again at the end, so the summary (the part of a CI log people read) says which test it was.
SWIFT_TEST_LOG=.build/swift-test.log
swift_tests() {
    swift test --skip-build --experimental-maximum-parallelization-width 6 2>&1 | tee "$SWIFT_TEST_LOG"
    local status=${PIPESTATUS[0]}
    [ "$status" -eq 0 ] || failed_test_lines+=("$(grep -aE \
        '✘|error:|Fatal error|unexpected signal|Test Case .* failed|Test run with|Executed [0-9]+ tests' "$SWIFT_TEST_LOG" |
        cut -c1-400 | head -40)")
    return "$status"
}

browser_tests() {
    local bin status
    bin=$(swift build --show-bin-path) || return 1
    BULLETIN_BIN_DIR="$bin" "$VENV/bin/python" -m pytest -p no:cacheprovider -c Tests/Browser/pytest.ini \
        --rootdir Tests/Browser --durations=8 Tests/Browser
    status=$?
    if [ "$status" -eq 5 ]; then
        echo "error: pytest collected no browser test (exit status 5): that is a failure here"
        return 5
    fi
    return "$status"
}

step install-system install_system_packages || finish
step install-python install_python_packages || finish
step install-postgres install_postgres || finish
step start-postgres start_postgres || finish
# Formatting, against the committed .swift-format (the toolchain's swift-format): `swift format -i -r …` fixes it.
step format swift format lint --strict -r Package.swift Sources Client Server Protocol Tests
step build build || finish
step swift-test swift_tests

step browser-tests browser_tests
# Every benchmark at a small size (`bulletin-bench all --quick`, debug build): CI checks that each still runs, never
# its figures (those come from release builds, BENCHMARKS.md). `backends` measures PostgreSQL on the tests' cluster.
step benchmarks env BULLETIN_BENCH_POSTGRES_URL="${BULLETIN_TEST_POSTGRES_URL:-}" \
    bash -c '"$(swift build --show-bin-path)/bulletin-bench" all --quick > /dev/null'
# The libFuzzer harnesses (Tests/Fuzz), a short bounded run each: a release build of their own, then 20 s per
# harness from the seed corpus of Protocol/vectors. Long campaigns: `bash Tests/Fuzz/run.sh 3600`.
step fuzz bash Tests/Fuzz/run.sh 20

stop_postgres
finish
