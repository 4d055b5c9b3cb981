#!/usr/bin/env bash
# bench/build-times.sh — clean build times of the workspace.
#
# Builds the whole workspace from scratch twice, each in its own empty
# CARGO_TARGET_DIR under /tmp (the developer's target/ is left alone):
#   cargo build --workspace             (debug)
#   cargo build --workspace --release   (release)
# and prints the wall time of each in seconds. Dependencies are fetched
# first (`cargo fetch`, not timed) so that downloads do not count.
# RUSTC_WRAPPER (e.g. sccache) is disabled so that the builds really are clean.
#
# Environment: BENCH_KEEP=1 keeps the /tmp target dirs (see bench/lib.sh).
# Never asserts anything.

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export RUSTC_WRAPPER="" CARGO_BUILD_RUSTC_WRAPPER=""
unset CARGO_TARGET_DIR

printf 'build-times: %s, %s CPUs\n' "$(rustc --version)" "$(nproc)"
bench_log "cargo fetch (not timed)"
cargo fetch --locked 2>/dev/null || cargo fetch

# time_build LABEL CARGO_ARGS... — clean build in a new target dir under
# $BENCH_TMP (removed at exit); sets SECS.
time_build() {
    local label="$1" start end
    shift
    local target="$BENCH_TMP/target-$label"
    mkdir -p "$target"
    bench_log "$label: CARGO_TARGET_DIR=$target cargo build $*"
    start="$(bench_now_us)"
    CARGO_TARGET_DIR="$target" cargo build "$@"
    end="$(bench_now_us)"
    SECS="$(awk -v d="$((end - start))" 'BEGIN { printf "%.1f", d / 1e6 }')"
    printf '%s clean build: %s s\n' "$label" "$SECS" >&2
}

time_build debug --workspace
debug_secs="$SECS"
time_build release --workspace --release
release_secs="$SECS"

printf '\nclean build times (cargo build --workspace):\n'
printf '  debug    %8s s\n' "$debug_secs"
printf '  release  %8s s\n' "$release_secs"
