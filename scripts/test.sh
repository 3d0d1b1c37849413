#!/usr/bin/env bash
# Runs every test of the project: unit tests, fixture-site tests, CLI tests.
# This is the README's test command and what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --all-targets "$@"
