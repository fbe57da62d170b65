#!/usr/bin/env python3
"""Renders one HTML certificate N times with WeasyPrint; prints ms per document.

Used by `portal-bench pdf` (scripts/bench-run pdf) for the comparison the PDF issue asks for.
Usage: bench_weasyprint.py FILE.html N
"""
import sys
import time

try:
    from weasyprint import HTML
except ImportError:
    print("weasyprint is not installed")
    sys.exit(2)

path, count = sys.argv[1], int(sys.argv[2])
source = open(path, encoding="utf-8").read()
HTML(string=source).write_pdf()  # warm-up: fonts and caches
start = time.perf_counter()
for _ in range(count):
    HTML(string=source).write_pdf()
print(f"{(time.perf_counter() - start) * 1000 / count:.2f}")
