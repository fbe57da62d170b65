#!/usr/bin/env bash
# Installs aiosmtpd, the real SMTP server the PortalMail tests deliver to
# (started by the tests through scripts/smtp_test_server.py). Idempotent:
# pip runs only when the module cannot be imported.
set -euo pipefail

if ! python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  python3 -m pip install --quiet aiosmtpd
fi
