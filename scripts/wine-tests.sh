#!/usr/bin/env bash
# The Windows binary, tested under Wine: cross-compiles noticeboard.exe
# (x86_64-pc-windows-gnu, Debian's mingw-w64 as linker) and runs it on real
# sites: init into a Chinese folder name, the demo site built byte-identical
# to the Linux build, a broken page named with its backslash path and line,
# a read-only file in public/, the output swap while Windows holds public/
# open, a path longer than 260 characters, CRLF and BOM, serve answering and
# reloading after an edit (and which watcher it uses), archive + verify, and
# the no-argument start a double-click makes. `scripts/wine-tests.sh t_serve`
# runs only the tests named.
#
# Called by scripts/test.sh (so by .ci/run). It installs what it needs when
# it can (root and apt: gcc-mingw-w64-x86-64, wine; rustup: the target);
# under CI=true a tool still missing is a failure, never a skip.
#
# Wine 8 has no bcryptprimitives.dll, where Rust's std finds ProcessPrng;
# tests/windows/bcryptprimitives.c stands in for it, built here from source
# and put beside the test binary only. Real Windows 10 and 11 have the DLL:
# the shim is never part of a release (scripts/dist.sh builds elsewhere).
#
# Everything runs in a fresh WINEPREFIX under target/wine/; its wineserver
# (and so every Windows process this script started) is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
TARGET=x86_64-pc-windows-gnu
started=$(date +%s)

missing() {
  echo "wine-tests: $1" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "wine-tests: SKIPPED (not under CI=true); install it to run the Windows tests" >&2
  exit 0
}

need_apt=()
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need_apt+=(gcc-mingw-w64-x86-64)
command -v wine >/dev/null 2>&1 || need_apt+=(wine wine64)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${need_apt[*]} (Debian packages) for the Windows tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    missing "missing ${need_apt[*]} (Debian: apt-get install ${need_apt[*]})"
  fi
fi
if ! rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
  rustup target add "$TARGET" || missing "cannot add the Rust target $TARGET (rustup target add $TARGET)"
fi

echo "== wine: cross-compiling noticeboard.exe ($TARGET, debug)"
t0=$(date +%s)
cargo build --quiet --target "$TARGET"
cargo build --quiet
echo "   cross build took $(( $(date +%s) - t0 )) s"
# Cargo's target folder: target/, unless CARGO_TARGET_DIR moves it.
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO/$TARGET_DIR" ;; esac
BIN_DIR="$TARGET_DIR/$TARGET/debug"
EXE="$BIN_DIR/noticeboard.exe"
LINUX="$TARGET_DIR/debug/noticeboard"

WORK="$REPO/target/wine"
rm -rf "$WORK/tmp" "$WORK/prefix"
mkdir -p "$WORK/tmp" "$WORK/bin"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$BIN_DIR/bcryptprimitives.dll" \
  tests/windows/bcryptprimitives.c tests/windows/bcryptprimitives.def
x86_64-w64-mingw32-gcc -municode -O2 -s -o "$WORK/bin/hold_open.exe" tests/windows/hold_open.c

export WINEPREFIX="$WORK/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
# Started by this script only; killed by id on exit, then the prefix's server.
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wineserver -k 2>/dev/null || true
}
trap cleanup EXIT
echo "== wine: a fresh prefix in target/wine/prefix"
wineboot -i >/dev/null 2>&1 || true

T="$WORK/tmp"
failures=0
only=("$@")   # test function names to run (t_serve …); none: all
check() { # check "what" command...: runs a test, counts a failure
  local what=$1; shift
  if [ ${#only[@]} -gt 0 ] && [[ " ${only[*]} " != *" $1 "* ]]; then return 0; fi
  local t=$(date +%s)
  if "$@"; then
    echo "   ok   $what ($(( $(date +%s) - t )) s)"
  else
    echo "   FAIL $what" >&2
    failures=$((failures + 1))
  fi
}
say() { echo "        $*" >&2; }
# A Unix path as Wine's Z: drive shows it: Z:\work\...\site
win() { local p=$1; echo "Z:${p//\//\\}"; }
nb() { wine "$EXE" "$@"; }
# Waits up to $2 seconds for the file $1 to contain $3.
wait_for() {
  local i
  for i in $(seq 1 $(( $2 * 10 ))); do
    if grep -qF -- "$3" "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  say "no '$3' in $1 after $2 s:"; sed 's/^/        | /' "$1" >&2 || true
  return 1
}
url_in() { grep -o 'http://127\.0\.0\.1:[0-9]*/' "$1" | head -1; }
demo_copy() { # the repository's demo site, to a folder of its own
  mkdir -p "$1"
  for f in site.yaml disclosures.lock content data themes static templates; do
    [ -e "$REPO/$f" ] && cp -r "$REPO/$f" "$1/"
  done
  return 0
}

NOW=2026-11-23T09:00:00+08:00
echo "== wine: tests"

t_init() {
  local dir="$T/工会 宣传/新站点"
  mkdir -p "$T/工会 宣传"
  nb init "$(win "$dir")" >"$T/init.out" 2>&1 || { cat "$T/init.out" >&2; return 1; }
  [ -f "$dir/site.yaml" ] || { say "no site.yaml"; return 1; }
  # The message names the folder as Windows writes it.
  grep -qF "工会 宣传\\新站点" "$T/init.out" || { say "no backslash path:"; cat "$T/init.out" >&2; return 1; }
  nb build --root "$(win "$dir")" --now "$NOW" >"$T/init-build.out" 2>&1 \
    || { cat "$T/init-build.out" >&2; return 1; }
  [ -f "$dir/public/index.html" ]
}
check "init into a Chinese folder name with a space, then build" t_init

t_demo_identical() {
  demo_copy "$T/demo-linux"; demo_copy "$T/demo-win"
  "$LINUX" build --root "$T/demo-linux" --now "$NOW" >/dev/null 2>&1
  nb build --root "$(win "$T/demo-win")" --now "$NOW" >"$T/demo.out" 2>&1 \
    || { cat "$T/demo.out" >&2; return 1; }
  diff -r "$T/demo-linux/public" "$T/demo-win/public" >"$T/demo.diff" \
    || { say "outputs differ:"; head -20 "$T/demo.diff" >&2; return 1; }
  cmp "$T/demo-linux/disclosures.lock" "$T/demo-win/disclosures.lock"
}
check "the demo site builds byte-identical to the Linux build" t_demo_identical

t_broken_page() {
  local site="$T/坏站点"
  cp -r "$REPO/tests/sites/basic" "$site"
  mkdir -p "$site/content/通知"
  printf -- '---\ntitle: 坏页\ndate: 2026-13-45\n---\n正文\n' >"$site/content/通知/坏页.md"
  if nb build --root "$(win "$site")" --now "$NOW" >"$T/broken.out" 2>&1; then
    say "a broken page built"; return 1
  fi
  grep -qE 'content\\通知\\坏页\.md:3(:[0-9]+)?: error' "$T/broken.out" \
    || { say "no 'content\\通知\\坏页.md:3: error':"; cat "$T/broken.out" >&2; return 1; }
}
check "a broken page fails naming content\\通知\\坏页.md and its line" t_broken_page

t_crlf_bom() {
  local a="$T/crlf-linux" b="$T/crlf-win"
  for s in "$a" "$b"; do
    cp -r "$REPO/tests/sites/basic" "$s"
    printf '\xef\xbb\xbftitle: 记事本写的站点\r\nbase_url: https://example.org/\r\nlanguage: zh-CN\r\n' >"$s/site.yaml"
    printf '\xef\xbb\xbf---\r\ntitle: 记事本写的通知\r\ndate: 2026-11-21\r\n---\r\n\r\n第一行\r\n第二行\r\n' \
      >"$s/content/news/记事本.md"
  done
  "$LINUX" build --root "$a" --now "$NOW" >/dev/null 2>&1
  nb build --root "$(win "$b")" --now "$NOW" >"$T/crlf.out" 2>&1 || { cat "$T/crlf.out" >&2; return 1; }
  grep -rqF "记事本写的通知" "$b/public" || { say "page missing"; return 1; }
  diff -r "$a/public" "$b/public" >/dev/null || { say "CRLF site differs from Linux build"; return 1; }
}
check "CRLF and a BOM in site.yaml and a page, same output as Linux" t_crlf_bom

t_read_only() {
  local site="$T/只读"
  cp -r "$REPO/tests/sites/basic" "$site"
  mkdir -p "$site/static"
  echo "只读文件" >"$site/static/只读.txt"
  chmod 444 "$site/static/只读.txt"   # Wine shows this as the read-only attribute
  nb build --root "$(win "$site")" --now "$NOW" >"$T/ro1.out" 2>&1 || { cat "$T/ro1.out" >&2; return 1; }
  # (-w would say yes to root whatever the mode.)
  [ "$(stat -c %a "$site/public/只读.txt")" = 444 ] || { say "the copy is not read-only; the test tests nothing"; return 1; }
  nb build --root "$(win "$site")" --now "$NOW" >"$T/ro2.out" 2>&1 || { cat "$T/ro2.out" >&2; return 1; }
  # The replaced output, read-only file and all, is gone (its removal is
  # detached: give it a moment).
  local i
  for i in $(seq 1 50); do
    ls -a "$site" | grep -q 'nb-trash\|nb-old' || return 0
    sleep 0.2
  done
  say "the old output was left behind:"; ls -a "$site" >&2; return 1
}
check "a read-only file in public/ does not stop the next build" t_read_only

t_held_open() {
  local site="$T/占用"
  cp -r "$REPO/tests/sites/basic" "$site"
  nb build --root "$(win "$site")" --now "$NOW" >/dev/null 2>&1
  echo "旧站点" >"$site/public/old-marker.txt"
  # Held for 1 s: the retries outlast it and the build goes through.
  wine "$WORK/bin/hold_open.exe" "$(win "$site/public")" 1 >"$T/hold1.out" 2>&1 &
  pids+=($!)
  wait_for "$T/hold1.out" 20 held || return 1
  nb build --root "$(win "$site")" --now "$NOW" >"$T/held1.out" 2>&1 \
    || { say "a short hold should be waited out:"; cat "$T/held1.out" >&2; return 1; }
  [ ! -e "$site/public/old-marker.txt" ] || { say "not replaced"; return 1; }
  # Held for longer than the retries: a clear message, the old site stays.
  echo "旧站点" >"$site/public/old-marker.txt"
  wine "$WORK/bin/hold_open.exe" "$(win "$site/public")" 15 >"$T/hold2.out" 2>&1 &
  pids+=($!)
  wait_for "$T/hold2.out" 20 held || return 1
  if nb build --root "$(win "$site")" --now "$NOW" >"$T/held2.out" 2>&1; then
    say "built over a held folder?"; return 1
  fi
  grep -qF "[E1507]" "$T/held2.out" || { cat "$T/held2.out" >&2; return 1; }
  grep -qF "\\占用\\public" "$T/held2.out" || { say "no backslash path"; cat "$T/held2.out" >&2; return 1; }
  [ -f "$site/public/old-marker.txt" ] || { say "the old site is gone"; return 1; }
}
check "public/ held open: retried, then a clear message and the old site kept" t_held_open

t_long_path() {
  local deep="$T" i
  for i in 1 2 3 4 5 6; do deep="$deep/很长的文件夹名字用来超过二百六十个字符的路径限制_第${i}层_abcdefghijklmnopqrstuvwxyz"; done
  mkdir -p "$deep"
  cp -r "$REPO/tests/sites/basic" "$deep/site"
  local w; w=$(win "$deep/site")
  [ ${#w} -gt 260 ] || { say "path only ${#w} characters"; return 1; }
  nb build --root "$w" --now "$NOW" >"$T/long.out" 2>&1 || { cat "$T/long.out" >&2; return 1; }
  [ -f "$deep/site/public/index.html" ] || return 1
  # A message naming a file there shows it without a \\?\ prefix.
  printf -- '---\ntitle: x\ndate: nope\n---\n' >"$deep/site/content/news/bad.md"
  nb build --root "$w" --now "$NOW" >"$T/long-bad.out" 2>&1 && return 1
  grep -qF 'content\news\bad.md:3' "$T/long-bad.out" || { cat "$T/long-bad.out" >&2; return 1; }
  ! grep -qF '\\?\' "$T/long-bad.out"
}
check "a site at a path longer than 260 characters" t_long_path

t_verbatim_root() {
  # Wine has no network shares, so a UNC path (\\server\share\site) is
  # tested in src/shown_path.rs only; the \\?\ form that canonicalize and long
  # paths give is tested here: it works, and no message shows the prefix.
  local site="$T/verbatim"
  cp -r "$REPO/tests/sites/basic" "$site"
  local verbatim='\\?\'
  nb build --root "$verbatim$(win "$site")" --now "$NOW" >"$T/verbatim.out" 2>&1 \
    || { cat "$T/verbatim.out" >&2; return 1; }
  [ -f "$site/public/index.html" ] || return 1
  grep -qF "$(win "$site")\public" "$T/verbatim.out" || { cat "$T/verbatim.out" >&2; return 1; }
  ! grep -qF '\\?\' "$T/verbatim.out"
}
check 'a \\?\ root: built, and messages show the path without the prefix' t_verbatim_root

t_serve() {
  local site="$T/预览"
  cp -r "$REPO/tests/sites/basic" "$site"
  nb serve --port 0 --now "$NOW" --root "$(win "$site")" >"$T/serve.out" 2>"$T/serve.err" &
  pids+=($!)
  wait_for "$T/serve.out" 60 "http://" || return 1
  local url; url=$(url_in "$T/serve.out")
  wait_for "$T/serve.out" 10 "ReadDirectoryChangesW" || return 1
  curl -sf "$url" -o "$T/serve-index.html" || { say "GET $url failed"; return 1; }
  grep -q "<title>" "$T/serve-index.html" || return 1
  curl -sN --max-time 60 "${url}__noticeboard/events" >"$T/events.txt" 2>/dev/null &
  pids+=($!)
  wait_for "$T/events.txt" 10 ":" || true
  sleep 0.5
  local page; page=$(ls "$site/content/news/"*.md | grep -v _index | head -1)
  printf '\n编辑后的新段落\n' >>"$page"
  wait_for "$T/events.txt" 30 "event: reload" || return 1
}
check "serve answers a page, watches with ReadDirectoryChangesW, reloads after an edit" t_serve

t_archive_verify() {
  local site="$T/归档"
  cp -r "$REPO/tests/sites/basic" "$site"
  nb archive --root "$(win "$site")" --now "$NOW" --out "$(win "$T/快照.zip")" >"$T/archive.out" 2>&1 \
    || { cat "$T/archive.out" >&2; return 1; }
  nb verify "$(win "$T/快照.zip")" >"$T/verify.out" 2>&1 || { cat "$T/verify.out" >&2; return 1; }
  "$LINUX" verify "$T/快照.zip" >/dev/null 2>&1 || { say "Linux verify of the Windows archive failed"; return 1; }
  cp -r "$REPO/tests/sites/basic" "$T/归档-linux"
  "$LINUX" archive --root "$T/归档-linux" --now "$NOW" --out "$T/快照-linux.zip" >/dev/null 2>&1
  cmp "$T/快照.zip" "$T/快照-linux.zip" || { say "the archives differ"; return 1; }
}
check "archive + verify (and the same bytes as the Linux archive)" t_archive_verify

t_no_arguments() {
  local site="$T/双击"
  cp -r "$REPO/tests/sites/basic" "$site"
  # A fake browser: Wine's start hands URLs to xdg-open.
  mkdir -p "$T/browser"
  printf '#!/bin/sh\necho "$1" >> "%s"\n' "$T/browser/opened.txt" >"$T/browser/xdg-open"
  chmod +x "$T/browser/xdg-open"
  # The exe beside the site, started from another folder, as Explorer does
  # when the user double-clicks it inside the site folder.
  ln -f "$EXE" "$site/noticeboard.exe"
  ln -f "$BIN_DIR/bcryptprimitives.dll" "$site/bcryptprimitives.dll"
  (cd "$T" && PATH="$T/browser:$PATH" SOURCE_DATE_EPOCH=1795395600 \
    exec wine "$site/noticeboard.exe" </dev/null >"$T/start.out" 2>"$T/start.err") &
  pids+=($!)
  wait_for "$T/start.out" 60 "http://" || { cat "$T/start.err" >&2; return 1; }
  grep -qF "关闭此窗口或按 Ctrl+C 停止" "$T/start.out" || return 1
  grep -qF "\\双击" "$T/start.out" || { say "no backslash path to the site"; return 1; }
  local url; url=$(url_in "$T/start.out")
  curl -sf "$url" -o "$T/start-index.html" || return 1
  grep -q "<title>" "$T/start-index.html" || return 1
  wait_for "$T/browser/opened.txt" 20 "$url" || say "(the browser was not seen opening; Wine's start may not reach xdg-open here)"
  # And with no site anywhere: it says so and serves the desk's new-site
  # page (never usage text and an instant exit), even with no input.
  local empty="$T/空文件夹"; mkdir -p "$empty"
  (cd "$empty" && exec wine "$EXE" </dev/null >"$T/nosite.out" 2>&1) &
  pids+=($!)
  wait_for "$T/nosite.out" 60 "/_desk/?token=" || { cat "$T/nosite.out" >&2; return 1; }
  grep -qF "新建站点" "$T/nosite.out" || { cat "$T/nosite.out" >&2; return 1; }
  grep -qF "\\空文件夹" "$T/nosite.out" || { say "no backslash path to the empty folder"; return 1; }
  local desk; desk=$(grep -o 'http://[^ ]*/_desk/?token=[^ ]*' "$T/nosite.out" | head -1)
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' "$desk")
  [ "$code" = 303 ] || { say "the new-site desk answered $code"; return 1; }
  ! grep -qi "usage" "$T/nosite.out"
}
check "no arguments: serves the site beside the exe; no site: the new-site page" t_no_arguments

echo "== wine: $failures failure(s), $(( $(date +%s) - started )) s in all"
[ "$failures" = 0 ]
