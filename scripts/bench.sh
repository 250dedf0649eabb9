#!/usr/bin/env bash
# lajur against Hugo on generated handbooks of N SOPs: wall time (median of
# --runs builds), peak memory (largest max RSS of those builds), pages and
# pages per second, then whether lajur beat Hugo and stayed under 512 MiB.
#
#   scripts/bench.sh [--runs K] [--keep DIR] [N ...]     (default N: 1000 10000)
#
# Both tools get the same SOPs (examples/gen_handbook.rs writes a lajur
# handbook and the same text as bare Markdown pages for Hugo) and run one after
# the other, never side by side, so neither steals the other's cores; their
# runs alternate, so both see the same machine. Every run writes into a new,
# empty output folder, and the script waits (`sync`) for the previous run's
# files to reach the disk first: otherwise each run pays for writing back the
# output of the run before it. Outputs are removed only at the end: ext4
# without a journal skips inodes freed in the last minute when it allocates
# new ones, so deleting 30,000 files right before a run slows that run down,
# more so for whichever tool writes more files.
#
# bash rather than sh: the `time` keyword gives wall time to the millisecond
# on any system (BSD `date` has no %N), and arrays keep the results.
set -eu

usage() {
    sed -n '2,6s/^# \{0,1\}//p' "$0"
}

runs=3
keep=""
sizes=()
while [ $# -gt 0 ]; do
    case $1 in
    --runs)
        runs=${2:-}
        shift 2 || { usage >&2; exit 2; }
        ;;
    --runs=*)
        runs=${1#--runs=}
        shift
        ;;
    --keep)
        keep=${2:-}
        shift 2 || { usage >&2; exit 2; }
        ;;
    --keep=*)
        keep=${1#--keep=}
        shift
        ;;
    -h | --help)
        usage
        exit 0
        ;;
    -*)
        echo "unknown option: $1" >&2
        usage >&2
        exit 2
        ;;
    *)
        # 10_000 reads better and gen_handbook accepts it.
        sizes+=("${1//_/}")
        shift
        ;;
    esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
case $runs in
'' | *[!0-9]* | 0)
    echo "--runs needs a positive number, not '$runs'" >&2
    exit 2
    ;;
esac
for n in "${sizes[@]}"; do
    case $n in
    '' | *[!0-9]* | 0)
        echo "N must be a positive number of SOPs, not '$n'" >&2
        exit 2
        ;;
    esac
done
if [ -n "$keep" ]; then
    mkdir -p "$keep"
    keep=$(cd "$keep" && pwd)
fi

cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
case $target in /*) ;; *) target=$PWD/$target ;; esac
lajur=$target/release/lajur
gen=$target/release/examples/gen_handbook

shout() {
    echo "**********************************************************" >&2
    echo "*** $*" >&2
    echo "**********************************************************" >&2
}

have_hugo=0
if command -v hugo >/dev/null 2>&1; then
    have_hugo=1
else
    shout "hugo not installed: apt-get install hugo (lajur only, no comparison)"
fi

# Only GNU time reports max RSS with -v (BSD/macOS /usr/bin/time has no -v).
have_gnu_time=0
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
    have_gnu_time=1
else
    echo "note: GNU /usr/bin/time not found (apt-get install time): peak memory is unknown" >&2
fi

echo "building release binaries..." >&2
cargo build --release --quiet --bin lajur --example gen_handbook

work=$(mktemp -d "${TMPDIR:-/tmp}/lajur-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# Sets $wall (seconds) and $rss (KiB, empty when unknown) for one run of the
# command, which must write into the new folder $out. Shows the tool's output
# if it fails.
run_once() {
    local out=$1
    shift
    if [ -e "$out" ]; then
        echo "bench: $out already exists" >&2
        exit 1
    fi
    sync
    local TIMEFORMAT=%3R
    local ok=1
    if [ "$have_gnu_time" = 1 ]; then
        { time /usr/bin/time -v -o "$work/rusage" "$@" >"$work/log" 2>&1; } 2>"$work/wall" || ok=0
    else
        { time "$@" >"$work/log" 2>&1; } 2>"$work/wall" || ok=0
    fi
    if [ "$ok" = 0 ]; then
        echo "failed: $*" >&2
        cat "$work/log" >&2
        exit 1
    fi
    wall=$(tail -n 1 "$work/wall")
    rss=""
    if [ "$have_gnu_time" = 1 ]; then
        rss=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$work/rusage")
    fi
}

# Medians and peaks per tool for one size, then "tool n pages wall rss" in
# $results.
results=()
median() {
    printf '%s\n' "$@" | sort -g | awk '
        { v[NR] = $1 }
        END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
peak() {
    local max="" r
    for r in "$@"; do
        if [ "$r" != - ] && { [ -z "$max" ] || [ "$r" -gt "$max" ]; }; then
            max=$r
        fi
    done
    echo "${max:--}"
}
pages_in() {
    find "$1" -type f -name '*.html' | wc -l | tr -d ' '
}

for n in "${sizes[@]}"; do
    if [ -n "$keep" ]; then
        hb=$keep/$n
        # Only the two folders this script made there before, never more.
        rm -rf "$hb/lajur" "$hb/hugo"
    else
        hb=$work/$n
    fi
    echo "generating $n SOPs into $hb..." >&2
    "$gen" "$n" "$hb/lajur" --hugo "$hb/hugo"
    lajur_walls=() lajur_rss=() hugo_walls=() hugo_rss=()
    for ((k = 1; k <= runs; k++)); do
        out=$work/out-$n-lajur-$k
        run_once "$out" "$lajur" build --root "$hb/lajur" -o "$out"
        lajur_walls+=("$wall")
        lajur_rss+=("${rss:--}")
        echo "  lajur, $n SOPs, run $k/$runs: ${wall} s" >&2
        if [ "$have_hugo" = 1 ]; then
            out=$work/out-$n-hugo-$k
            run_once "$out" hugo --quiet -s "$hb/hugo" -d "$out"
            hugo_walls+=("$wall")
            hugo_rss+=("${rss:--}")
            echo "  hugo,  $n SOPs, run $k/$runs: ${wall} s" >&2
            # Hugo leaves a lock file and may leave resources/ in the source.
            rm -rf "$hb/hugo/.hugo_build.lock" "$hb/hugo/resources"
        fi
    done
    results+=("lajur $n $(pages_in "$work/out-$n-lajur-1") $(median "${lajur_walls[@]}") $(peak "${lajur_rss[@]}")")
    if [ "$have_hugo" = 1 ]; then
        results+=("hugo $n $(pages_in "$work/out-$n-hugo-1") $(median "${hugo_walls[@]}") $(peak "${hugo_rss[@]}")")
    fi
done

echo
echo "$(nproc 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null || echo '?') CPU core(s); wall = median of $runs run(s), peak = largest max RSS"
printf '%s\n' "${results[@]}" | awk '
    BEGIN { printf "%-6s %7s %7s %9s %9s %9s\n", "tool", "SOPs", "pages", "wall(s)", "peak MiB", "pages/s" }
    {
        mib = ($5 == "-") ? "?" : sprintf("%.0f", $5 / 1024)
        rate = ($4 > 0) ? sprintf("%.0f", $3 / $4) : "-"
        printf "%-6s %7d %7d %9.3f %9s %9s\n", $1, $2, $3, $4, mib, rate
    }'
echo
printf '%s\n' "${results[@]}" | awk -v hugo="$have_hugo" '
    $1 == "lajur" { lw[$2] = $4; lm[$2] = $5; order[++count] = $2 }
    $1 == "hugo" { hw[$2] = $4 }
    END {
        for (i = 1; i <= count; i++) {
            n = order[i]
            if (!hugo) faster = "unknown (hugo not installed: apt-get install hugo)"
            else if (lw[n] < hw[n]) faster = sprintf("yes (%.3f s vs %.3f s, %.1fx)", lw[n], hw[n], (lw[n] > 0) ? hw[n] / lw[n] : 0)
            else faster = sprintf("NO (%.3f s vs %.3f s)", lw[n], hw[n])
            if (lm[n] == "-") memory = "unknown (no GNU time)"
            else if (lm[n] / 1024 < 512) memory = sprintf("yes (%.0f MiB)", lm[n] / 1024)
            else memory = sprintf("NO (%.0f MiB)", lm[n] / 1024)
            printf "%d SOPs: lajur faster than Hugo: %s; under 512 MiB: %s\n", n, faster, memory
        }
    }'
if [ "$have_hugo" = 0 ]; then
    shout "hugo not installed: apt-get install hugo"
fi
