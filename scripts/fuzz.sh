#!/bin/sh
# The long fuzz run: every target of tests/fuzz.rs (the YAML loader, the SOP
# reader, dates, waktu, citations, keterkaitan, Markdown, the slugger) with a
# million inputs each by default, in a release build, one target after the
# other, each under a memory limit (an input that needs unbounded memory
# fails its allocation instead of taking the machine) and at low priority.
# Prints per target the inputs run, the time, and the slowest input, and for
# a target that finds something the failing input, shrunk; exits 1 if any did.
#   scripts/fuzz.sh [CASES] [TARGET...]      e.g. scripts/fuzz.sh 100000 yaml_loader
# Targets: yaml_loader sop_reader dates waktu citations keterkaitan
#          markdown_without_html slugger
set -eu
cd "$(dirname "$0")/.."
cases=${1:-1000000}
[ $# -gt 0 ] && shift
targets=${*:-yaml_loader sop_reader dates waktu citations keterkaitan markdown_without_html slugger}
# Memory per target, in KiB of address space (4 GiB).
limit=${FUZZ_MEMORY_KIB:-4194304}

bin=$(cargo test --release --test fuzz --no-run --message-format=json 2>/dev/null |
    sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -n 1)
[ -x "$bin" ] || { echo "fuzz.sh: could not build tests/fuzz.rs" >&2; exit 2; }

echo "fuzz.sh: $cases inputs per target, memory limit $((limit / 1024)) MiB, $(date -u +%FT%TZ)"
failed=0
log=$(mktemp)
for target in $targets; do
    (
        ulimit -v "$limit"
        LAJUR_FUZZ_CASES=$cases nice -n 19 "$bin" --exact "$target" --nocapture --test-threads 1
    ) >"$log" 2>&1 || failed=1
    grep -E 'fuzz [a-z]+: |panicked|minimal failing|memory allocation|FAILED' "$log" || true
done
rm -f "$log"
echo "fuzz.sh: done $(date -u +%FT%TZ)"
exit $failed
