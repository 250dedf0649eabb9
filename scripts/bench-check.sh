#!/usr/bin/env bash
# `lajur check` on generated handbooks of N SOPs, run as an author runs it
# (in the handbook folder, no --root): median wall time of --runs checks and
# the peak memory, beside one `lajur build` of the same handbook. check runs
# build's pipeline (every page rendered, the search index built) into a
# sink that keeps nothing, so it stops on what build stops on; this shows
# what that costs.
#
#   scripts/bench-check.sh [--runs K] [N ...]     (default N: 1000 10000)
#
# The handbooks come from examples/gen_handbook.rs, as in scripts/bench.sh.
set -eu

runs=3
sizes=()
while [ $# -gt 0 ]; do
    case $1 in
    --runs)
        runs=${2:-}
        shift 2 || { echo "--runs needs a number" >&2; exit 2; }
        ;;
    -*)
        sed -n '2,9s/^# \{0,1\}//p' "$0" >&2
        exit 2
        ;;
    *)
        sizes+=("${1//_/}")
        shift
        ;;
    esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
case $target in /*) ;; *) target=$PWD/$target ;; esac
lajur=$target/release/lajur
gen=$target/release/examples/gen_handbook
echo "building release binaries..." >&2
cargo build --release --quiet --bin lajur --example gen_handbook

have_gnu_time=0
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
    have_gnu_time=1
else
    echo "note: GNU /usr/bin/time not found (apt-get install time): peak memory is unknown" >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lajur-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# Sets $wall (s) and $rss (KiB or -) for one run of the command in folder $1.
run_in() {
    local dir=$1
    shift
    local TIMEFORMAT=%3R
    if [ "$have_gnu_time" = 1 ]; then
        { time (cd "$dir" && /usr/bin/time -v -o "$work/rusage" "$@" >"$work/log" 2>&1); } 2>"$work/wall" ||
            { echo "failed: $*" >&2; tail -n 20 "$work/log" >&2; exit 1; }
        rss=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$work/rusage")
    else
        { time (cd "$dir" && "$@" >"$work/log" 2>&1); } 2>"$work/wall" ||
            { echo "failed: $*" >&2; tail -n 20 "$work/log" >&2; exit 1; }
        rss=-
    fi
    wall=$(tail -n 1 "$work/wall")
}

median() {
    printf '%s\n' "$@" | sort -g | awk '
        { v[NR] = $1 }
        END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

printf '%8s %12s %12s %12s %12s\n' SOPs "check wall" "check peak" "build wall" "build peak"
for n in "${sizes[@]}"; do
    hb=$work/$n
    echo "generating $n SOPs..." >&2
    "$gen" "$n" "$hb" >/dev/null
    walls=() peak=0
    for ((k = 1; k <= runs; k++)); do
        sync
        run_in "$hb" "$lajur" check
        walls+=("$wall")
        [ "$rss" = - ] || [ "$rss" -le "$peak" ] || peak=$rss
        echo "  check, $n SOPs, run $k/$runs: $wall s" >&2
    done
    check_wall=$(median "${walls[@]}")
    check_peak=$peak
    sync
    run_in "$hb" "$lajur" build -o "$work/out-$n"
    printf '%8s %10s s %8s MiB %10s s %8s MiB\n' "$n" "$check_wall" "$((check_peak / 1024))" \
        "$wall" "$([ "$rss" = - ] && echo - || echo $((rss / 1024)))"
    rm -rf "$work/out-$n"
done
