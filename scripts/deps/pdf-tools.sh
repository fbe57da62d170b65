#!/usr/bin/env bash
# Installs the tools the PortalPDF tests run against real PDFs: qpdf, poppler
# (pdftotext, pdffonts, pdftoppm), the DejaVu fonts, and the Python checkers
# pikepdf and pyHanko. Idempotent: installs only what is missing.
set -euo pipefail

missing=()
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi

if ! python3 -c 'import pikepdf, pyhanko, pyhanko_certvalidator' >/dev/null 2>&1; then
  python3 -m pip install --quiet pikepdf pyhanko pyhanko-certvalidator
fi
