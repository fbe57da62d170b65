"""Certificates: request one, watch the status page update itself, download
the sealed PDF, and find the message in the inbox (issues 7 and 6)."""

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from pages import ERIKA, sign_in


def test_membership_certificate_until_the_pdf_downloads(browser, base_url):
    sign_in(browser, base_url, ERIKA)
    browser.get(base_url + "/konto/bescheinigungen")
    form = browser.find_element(By.CSS_SELECTOR, "form:has(input[name='kind'][value='membership'])")
    form.find_element(By.CSS_SELECTOR, "button[type='submit']").click()

    # The status page polls by itself until the worker has made the PDF.
    WebDriverWait(browser, 30).until(
        lambda driver: driver.find_elements(By.CSS_SELECTOR, "[data-certificate-state='ready']"))
    link = browser.find_element(By.CSS_SELECTOR, ".status-panel a.button").get_attribute("href")

    cookies = {cookie["name"]: cookie["value"] for cookie in browser.get_cookies()}
    response = requests.get(link, cookies=cookies, timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/pdf")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Cache-Control"] == "no-store"
    assert response.content.startswith(b"%PDF-")
    assert b"/ETSI.CAdES.detached" in response.content

    browser.get(base_url + "/konto/posteingang")
    assert "Ihre Bescheinigung liegt bereit: Mitgliedsbescheinigung" in browser.find_element(By.TAG_NAME, "main").text
