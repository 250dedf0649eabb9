#!/usr/bin/env bash
# Builds the downloadable binaries into dist/:
#   lajur-VERSION-x86_64-linux.tar.gz    lajur, static (musl): runs on any x86_64 Linux
#   lajur-VERSION-x86_64-windows.zip     lajur.exe (windows-gnu) and lajur-serve.cmd
#   SHA256SUMS                           sha256sum -c SHA256SUMS checks them
# with the `dist` profile (LTO, one codegen unit, stripped; Cargo.toml).
# Installs the Rust targets and the C cross compilers it needs when missing
# (rustup; apt-get as root). Fails when a binary is over MAX_MB (10 by default;
# README.md says the measured sizes).
set -euo pipefail
cd "$(dirname "$0")/.."

MAX_MB=${MAX_MB:-10}
LINUX=x86_64-unknown-linux-musl
WINDOWS=x86_64-pc-windows-gnu
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
out=dist

# --- what the cross builds need --------------------------------------------
installed=$(rustup target list --installed)
for target in "$LINUX" "$WINDOWS"; do
  grep -qx "$target" <<<"$installed" || rustup target add "$target"
done
missing=()
command -v musl-gcc >/dev/null || missing+=(musl-tools)
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64)
command -v zip >/dev/null || missing+=(zip)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "release.sh: install ${missing[*]} first (Debian/Ubuntu: apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

# C code in the dependencies (mimalloc) is built with the target's compiler.
export CC_x86_64_unknown_linux_musl=musl-gcc
export CC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
# The static Linux binary is position-independent (static-pie, so it keeps
# address space randomisation); its relocations, one 24-byte entry per
# pointer in its tables (half a megabyte), are packed as RELR (a few KB),
# which musl's startup code applies. The smoke test below runs it.
export CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_RUSTFLAGS="-C link-arg=-Wl,-z,pack-relative-relocs"

cargo build --locked --profile dist --target "$LINUX"
cargo build --locked --profile dist --target "$WINDOWS"

target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
linux_bin="$target_dir/$LINUX/dist/lajur"
windows_bin="$target_dir/$WINDOWS/dist/lajur.exe"

# --- checks: static, runs, small -------------------------------------------
if readelf -l "$linux_bin" | grep -q INTERP || readelf -d "$linux_bin" | grep -q NEEDED; then
  echo "release.sh: $linux_bin is linked dynamically; expected a static binary" >&2
  exit 1
fi
"$linux_bin" --version >/dev/null
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
(cd "$smoke" && "$linux_bin" init >/dev/null && "$linux_bin" build >/dev/null)
[ -f "$smoke/public/index.html" ] || { echo "release.sh: the Linux binary built no site" >&2; exit 1; }
# A PE file starts with "MZ".
[ "$(head -c 2 "$windows_bin")" = MZ ] || { echo "release.sh: $windows_bin is not a Windows program" >&2; exit 1; }

# Decimal megabytes, as a download page states sizes (10 MB = 10,000,000 bytes).
max_bytes=$((MAX_MB * 1000 * 1000))
for bin in "$linux_bin" "$windows_bin"; do
  size=$(stat -c %s "$bin")
  printf '%-34s %6.2f MB (%d bytes)\n' "$(basename "$(dirname "$(dirname "$bin")")")/$(basename "$bin")" \
    "$(awk "BEGIN { print $size / 1000000 }")" "$size"
  if [ "$size" -gt "$max_bytes" ]; then
    echo "release.sh: $bin is over $MAX_MB MB" >&2
    exit 1
  fi
done

# --- archives and checksums ------------------------------------------------
rm -rf "$out"
mkdir -p "$out"
stage="$smoke/stage"

name="lajur-$version-x86_64-linux"
mkdir -p "$stage/$name"
cp "$linux_bin" README.md LICENSE-MIT LICENSE-APACHE "$stage/$name/"
# The binary embeds Pagefind's browser files (src/search/pagefind/vendor/): its MIT license goes along.
cp src/search/pagefind/vendor/LICENSE "$stage/$name/LICENSE-PAGEFIND"
tar -C "$stage" --owner=0 --group=0 -czf "$out/$name.tar.gz" "$name"

name="lajur-$version-x86_64-windows"
mkdir -p "$stage/$name"
cp "$windows_bin" "$stage/$name/"
# Windows tools read these best with CRLF line ends.
for f in README.md LICENSE-MIT LICENSE-APACHE; do
  sed 's/\r*$/\r/' "$f" >"$stage/$name/$f"
done
sed 's/\r*$/\r/' src/search/pagefind/vendor/LICENSE >"$stage/$name/LICENSE-PAGEFIND"
sed 's/\r*$/\r/' scripts/windows/lajur-serve.cmd >"$stage/$name/lajur-serve.cmd"
(cd "$stage" && zip -q -r -X "$OLDPWD/$out/$name.zip" "$name")

(cd "$out" && sha256sum -- *.tar.gz *.zip >SHA256SUMS && sha256sum -c --quiet SHA256SUMS)
echo "release.sh: wrote $out/:"
(cd "$out" && ls -l -- *.tar.gz *.zip SHA256SUMS | awk '{ printf "  %-40s %10d bytes\n", $9, $5 }')
