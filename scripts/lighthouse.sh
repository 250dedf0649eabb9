#!/bin/sh
# Lighthouse (mobile preset) on an SOP page of the example handbook: builds
# the handbook, serves public/ on loopback, runs Lighthouse with the
# system's Chromium headless and prints the four category scores. Exits 1
# when any score is under 95 (the bar of issue 17), so it is a check.
#   scripts/lighthouse.sh [PAGE]   (default: an SOP page of the example)
# Needs npm (Lighthouse is installed into target/lighthouse the first time),
# chromium and python3. Nothing leaves the machine: the page is served on
# 127.0.0.1 and Lighthouse's own network use is switched off.
set -eu
cd "$(dirname "$0")/.."

page=${1:-/bpkpad-balangan/sekretariat/perencanaan-keuangan/penerbitan-spm/}
minimum=${LIGHTHOUSE_MIN:-95}
port=${LIGHTHOUSE_PORT:-8937}
lh=target/lighthouse/node_modules/.bin/lighthouse
chromium=$(command -v chromium || command -v chromium-browser || true)

if [ -z "$chromium" ]; then
  echo "lighthouse.sh: chromium not found (apt-get install chromium)" >&2
  exit 2
fi
if [ ! -x "$lh" ]; then
  echo "Installing Lighthouse into target/lighthouse ..." >&2
  npm install --no-audit --no-fund --silent --prefix target/lighthouse lighthouse@12 >&2
fi

# The built binary a user runs; LAJUR_BIN picks another (say a debug build).
bin=${LAJUR_BIN:-target/release/lajur}
if [ -z "${LAJUR_BIN:-}" ]; then
  cargo build --release --quiet --bin lajur
fi
out=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$out"' EXIT INT TERM
"$bin" build >&2

# A plain static server: what a deployed handbook is (no live reload).
python3 -m http.server "$port" --bind 127.0.0.1 --directory public >/dev/null 2>&1 &
server=$!
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null; then
    break
  fi
  sleep 0.25
done

# Mobile is Lighthouse's default form factor (a Moto G class phone, slow 4G
# simulated). --disable-full-page-screenshot keeps the report small; the
# chrome flags keep Chromium off the network (no component updates, no
# field-data lookups).
CHROME_PATH="$chromium" "$lh" "http://127.0.0.1:$port$page" \
  --quiet \
  --output=json --output-path="$out/report.json" \
  --only-categories=performance,accessibility,best-practices,seo \
  --disable-full-page-screenshot \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-default-apps" \
  >&2

node -e '
const r = require(process.argv[1]);
const min = Number(process.argv[2]);
let low = 0;
for (const id of ["performance", "accessibility", "best-practices", "seo"]) {
  const c = r.categories[id];
  const score = Math.round(c.score * 100);
  console.log(`${c.title.padEnd(16)} ${score}`);
  if (score < min) low++;
  if (score < 100) {
    for (const ref of c.auditRefs) {
      const a = r.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) {
        console.log(`  ${a.id}: ${a.title} (${a.displayValue || a.score})`);
      }
    }
  }
}
if (low) { console.log(`${low} categor${low > 1 ? "ies" : "y"} under ${min}`); process.exit(1); }
' "$out/report.json" "$minimum"
