#!/bin/sh
# Time and size grow in proportion to the input (docs/security.md): builds
# a handbook of ONE SOP with N steps (three lanes, a decision every tenth
# step that loops back; 10,000 steps stay under the 1 MiB a source file may
# be) for each N, then one of a 5-step SOP whose first kegiatan is ONE
# unbroken word of L letters, and prints the build's wall
# time, its peak memory, the SOP page's size and the whole output's size,
# with each per step (per 1,000 letters): flat columns mean linear growth.
#   scripts/bench-growth.sh [--steps "100 1000 10000"] [--words "10000 100000 1000000"]
set -eu
cd "$(dirname "$0")/.."
steps="100 1000 3000 10000"
words="10000 100000 300000 1000000"
while [ $# -gt 0 ]; do
    case $1 in
        --steps) steps=$2; shift 2 ;;
        --words) words=$2; shift 2 ;;
        *) echo "usage: $0 [--steps \"N...\"] [--words \"L...\"]" >&2; exit 2 ;;
    esac
done
cargo build --release --quiet --bin lajur
lajur=$PWD/target/release/lajur
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# handbook DIR: an empty handbook with one unit.
handbook() {
    mkdir -p "$1/content/umum"
    printf 'title: Pertumbuhan\n' >"$1/handbook.yaml"
}

# One build of the handbook in $1; prints "seconds peak_KiB page_bytes site_bytes".
measure() {
    sync
    /usr/bin/time -f '%e %M' -o "$1/time" "$lajur" build --root "$1" -o "$1/public" >/dev/null 2>"$1/log" ||
        { cat "$1/log" >&2; exit 1; }
    page=$(wc -c <"$1/public/umum/sop/index.html")
    site=$(du -sb "$1/public" | cut -f1)
    echo "$(cat "$1/time") $page $site"
}

echo "One SOP of N steps"
printf '%8s %9s %10s %12s %12s %12s %12s\n' steps wall peak page site "ms/step" "page B/step"
for n in $steps; do
    dir=$work/steps-$n
    handbook "$dir"
    awk -v n="$n" 'BEGIN {
        print "nomor: SOP-1\nnama: Satu SOP yang panjang\npelaksana: [Staf, Kepala Sub Bagian, Kepala Bagian]\nlangkah:"
        split("Staf|Kepala Sub Bagian|Kepala Bagian", lane, "|")
        for (i = 1; i <= n; i++) {
            printf "  - kegiatan: Memeriksa berkas nomor %d\n    pelaksana: %s\n    waktu: 10 menit\n", i, lane[(i % 3) + 1]
            if (i % 10 == 0 && i < n) printf "    jenis: keputusan\n    ya: %d\n    tidak: %d\n", i + 1, i - 5
        }
    }' >"$dir/content/umum/sop.yaml"
    set -- $(measure "$dir")
    awk -v n="$n" -v t="$1" -v m="$2" -v p="$3" -v s="$4" 'BEGIN {
        printf "%8d %8.2fs %7.0f MiB %9.1f KB %9.1f MB %12.3f %12.0f\n", n, t, m / 1024, p / 1000, s / 1e6, t * 1000 / n, p / n
    }'
    rm -rf "$dir"
done

echo
echo "One word of L letters"
printf '%8s %9s %10s %12s %12s %14s\n' letters wall peak page site "ms/1000 letters"
for len in $words; do
    dir=$work/word-$len
    handbook "$dir"
    awk -v len="$len" 'BEGIN {
        printf "nomor: SOP-1\nnama: Satu kata panjang\npelaksana: [Staf, Kepala Bagian]\nlangkah:\n  - kegiatan: "
        word = "pertanggungjawaban"
        for (i = 0; i < len; i += length(word)) printf "%s", substr(word, 1, len - i)
        printf "\n    pelaksana: Staf\n"
        for (i = 2; i <= 5; i++) printf "  - kegiatan: Langkah %d\n    pelaksana: %s\n", i, (i % 2 ? "Staf" : "Kepala Bagian")
    }' >"$dir/content/umum/sop.yaml"
    set -- $(measure "$dir")
    awk -v n="$len" -v t="$1" -v m="$2" -v p="$3" -v s="$4" 'BEGIN {
        printf "%8d %8.2fs %7.0f MiB %9.1f KB %9.1f MB %14.3f\n", n, t, m / 1024, p / 1000, s / 1e6, t * 1e6 / n
    }'
    rm -rf "$dir"
done
