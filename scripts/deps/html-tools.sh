#!/usr/bin/env bash
# Installs tidy (HTML Tidy 5, HTML5-aware), which the browser suite runs over
# every page of its tour so that malformed markup fails a test
# (e2e/test_markup.py). Idempotent: installs only when missing.
set -euo pipefail

if ! command -v tidy >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq tidy
fi
