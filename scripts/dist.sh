#!/usr/bin/env bash
# Builds the release archives into dist/:
#   noticeboard-VERSION-windows-x86_64.zip   noticeboard.exe, 使用说明.txt, THIRD-PARTY-LICENSES.txt
#   noticeboard-VERSION-linux-x86_64.tar.gz  noticeboard (static, musl; gnu if the musl target
#                                            cannot be added), the same two texts
#   SHA256SUMS                               sha256sum format, for both
#
# Reproducible: the same commit (and the same Rust toolchain and Debian
# mingw) gives the same bytes. The binaries are built with the `dist`
# profile in target/dist/, with this machine's paths remapped
# (--remap-path-prefix), the Windows linker's timestamp left out, and
# SOURCE_DATE_EPOCH the commit's time; the archives are sorted, stamped
# with that time and owner-less (scripts/pack.py). `scripts/dist.sh --check`
# builds everything a second time in another folder and compares the bytes.
#
# It needs the Rust targets (added with rustup when missing), Debian's
# gcc-mingw-w64-x86-64 for the Windows link, python3 and git. Release
# builds are slow on a shared machine: CARGO_BUILD_JOBS defaults to 1 here.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
check=false
if [ "${1:-}" = "--check" ]; then check=true; fi

export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
WINDOWS=x86_64-pc-windows-gnu
LINUX=x86_64-unknown-linux-musl

command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || {
  echo "dist: needs Debian's gcc-mingw-w64-x86-64 to link the Windows binary (apt-get install gcc-mingw-w64-x86-64)" >&2
  exit 1
}
rustup target list --installed | grep -qx "$WINDOWS" || rustup target add "$WINDOWS"
if ! rustup target list --installed | grep -qx "$LINUX" && ! rustup target add "$LINUX"; then
  echo "dist: the musl target is not available; the Linux build links glibc dynamically" >&2
  LINUX=x86_64-unknown-linux-gnu
fi

# build TARGET_DIR: the Windows binary into TARGET_DIR/<windows>/dist/, the
# Linux one into TARGET_DIR-linux/<linux>/dist/ (a target folder each, so the
# two can build side by side: DIST_PARALLEL=1), the same bytes wherever the
# checkout is.
build() {
  local target_dir=$1
  local remap="--remap-path-prefix=$REPO=/noticeboard --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
  local windows=(env CARGO_TARGET_DIR="$target_dir"
    CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="$remap -C link-arg=-Wl,--no-insert-timestamp"
    cargo build --locked --profile dist --target "$WINDOWS")
  local linux=(env CARGO_TARGET_DIR="$target_dir-linux"
    CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_RUSTFLAGS="$remap -C target-feature=+crt-static"
    CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS="$remap"
    cargo build --locked --profile dist --target "$LINUX")
  if [ "${DIST_PARALLEL:-}" = 1 ]; then
    "${windows[@]}" & local w=$!
    "${linux[@]}"
    wait "$w"
  else
    "${windows[@]}"
    "${linux[@]}"
  fi
}

# pack TARGET_DIR OUT_DIR: the archives and SHA256SUMS into OUT_DIR.
pack() {
  local target_dir=$1 out=$2
  rm -rf "$out"; mkdir -p "$out"
  local texts; texts=$(mktemp -d)
  python3 scripts/licences.py "$WINDOWS" >"$texts/licences-windows.txt"
  python3 scripts/licences.py "$LINUX" >"$texts/licences-linux.txt"
  # Notepad on older Windows wants CRLF and a byte-order mark to read UTF-8.
  python3 - "$VERSION" "$texts" <<'EOF'
import sys
version, texts = sys.argv[1], sys.argv[2]
for system, crlf in (("windows", True), ("linux", False)):
    text = open(f"packaging/{system}-使用说明.txt", encoding="utf-8").read().replace("{version}", version)
    data = ("\ufeff" + text.replace("\n", "\r\n")) if crlf else text
    open(f"{texts}/{system}-readme.txt", "w", encoding="utf-8", newline="").write(data)
EOF
  local win="noticeboard-$VERSION-windows-x86_64" lin="noticeboard-$VERSION-linux-x86_64"
  python3 scripts/pack.py "$out/$win.zip" "noticeboard-$VERSION" "$SOURCE_DATE_EPOCH" \
    "$target_dir/$WINDOWS/dist/noticeboard.exe=noticeboard.exe" \
    "$texts/windows-readme.txt=使用说明.txt" \
    "$texts/licences-windows.txt=THIRD-PARTY-LICENSES.txt"
  python3 scripts/pack.py "$out/$lin.tar.gz" "noticeboard-$VERSION" "$SOURCE_DATE_EPOCH" \
    "$target_dir-linux/$LINUX/dist/noticeboard=noticeboard" \
    "$texts/linux-readme.txt=使用说明.txt" \
    "$texts/licences-linux.txt=THIRD-PARTY-LICENSES.txt"
  rm -rf "$texts"
  (cd "$out" && sha256sum "$win.zip" "$lin.tar.gz" >SHA256SUMS)
}

t0=$(date +%s)
build "$REPO/target/dist"
echo "dist: binaries built in $(( $(date +%s) - t0 )) s"
pack "$REPO/target/dist" "$REPO/dist"
ls -l "$REPO/target/dist/$WINDOWS/dist/noticeboard.exe" "$REPO/target/dist-linux/$LINUX/dist/noticeboard"
ls -l dist/
cat dist/SHA256SUMS

if $check; then
  # A second, clean build of the same commit in another checkout folder:
  # paths differ, so only the remapping keeps the bytes equal.
  second=$(mktemp -d "$REPO/target/dist-check.XXXXXX")
  mkdir -p "$second/src"
  git archive HEAD | tar -x -C "$second/src"
  (cd "$second/src" && REPO=$PWD && CARGO_BUILD_JOBS=$CARGO_BUILD_JOBS build "$second/target" \
    && pack "$second/target" "$second/dist")
  if diff <(cat dist/SHA256SUMS) <(cat "$second/dist/SHA256SUMS"); then
    echo "dist: reproducible: a second build in another folder gave the same bytes"
  else
    echo "dist: NOT reproducible: the second build differs (see $second/dist)" >&2
    exit 1
  fi
fi
