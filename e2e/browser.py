"""Debian's chromium and chromedriver, headless, with nothing downloaded.

Selenium Manager is never asked for a driver: the Service points at the
chromedriver binary of the chromium-driver package and SE_OFFLINE is set.
"""

from __future__ import annotations

import base64
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

DESKTOP = 1280
PHONE = 360
HEIGHT = {DESKTOP: 900, PHONE: 780}


def _first_existing(candidates: list[str | None]) -> str:
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    raise RuntimeError(f"none of these exists: {[c for c in candidates if c]} (apt-get install chromium chromium-driver)")


def chromedriver_path() -> str:
    return _first_existing([os.environ.get("CHROMEDRIVER"), "/usr/bin/chromedriver", shutil.which("chromedriver")])


def chromium_path() -> str:
    return _first_existing([os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")])


@dataclass(frozen=True)
class BrowserSettings:
    width: int = DESKTOP
    javascript: bool = True

    @property
    def height(self) -> int:
        return HEIGHT.get(self.width, 900)


def new_driver(settings: BrowserSettings = BrowserSettings()) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_path()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--lang=de-DE", "--hide-scrollbars", "--force-device-scale-factor=1",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking",
                     f"--window-size={max(settings.width, 800)},{settings.height}"):
        options.add_argument(argument)
    preferences = {"intl.accept_languages": "de-DE,de"}
    if not settings.javascript:
        preferences["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", preferences)
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver_path()), options=options)
    driver.set_page_load_timeout(30)
    set_viewport(driver, settings.width, settings.height)
    return driver


def set_viewport(driver: webdriver.Chrome, width: int, height: int) -> None:
    """Emulates the viewport exactly (a desktop window has a minimum width).

    A phone width is emulated as a mobile device, so the page's viewport meta
    tag is honoured as on a real phone.
    """
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 800,
    })


def full_page_screenshot(driver: webdriver.Chrome, path: Path) -> None:
    """The whole page, not only the viewport, as a PNG."""
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    content = metrics.get("cssContentSize") or metrics["contentSize"]
    width = metrics.get("cssLayoutViewport", metrics["layoutViewport"])["clientWidth"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "fromSurface": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": content["height"], "scale": 1},
    })
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))
