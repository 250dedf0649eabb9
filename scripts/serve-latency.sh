#!/bin/sh
# How long after saving an SOP `lajur serve` serves the new page, on a
# generated handbook of 1,000 SOPs: edits one SOP again and again and polls
# its page over HTTP until the new nama is there. Prints every edit and the
# median. Extra arguments go to the measuring program:
#   scripts/serve-latency.sh [--sops N] [--edits N]
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin lajur --example serve_latency
exec target/release/examples/serve_latency target/release/lajur "$@"
