"""Browser tests drive Debian's chromium through Playwright against the live server.

Playwright never downloads a browser here: it launches /usr/bin/chromium, which the
Makefile installs with apt-get when it is missing.
"""
import os
import shutil

import pytest

CHROMIUM = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between page steps are synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS,
                                             headless=True)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _static_files_by_their_own_names(settings):
    """The live server serves static files through the finders, which know the files by
    their own names, not by the hashed names the manifest storage gives in production."""
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


@pytest.fixture
def new_page(browser, live_server):
    """A function returning a fresh page (own cookies) rooted at the live server."""
    contexts = []

    def make():
        context = browser.new_context(base_url=live_server.url, locale="zh-CN",
                                      viewport={"width": 1400, "height": 900})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def login(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/workbench/")


def submit(page, selector: str) -> None:
    """Click a submit button and wait for the page it leads to."""
    with page.expect_navigation():
        page.click(selector)


def open_menu_item(page, menu: str, item: str) -> None:
    """Open a menu of the navigation bar and follow one of its links."""
    page.click(f"header summary:has-text('{menu}')")
    with page.expect_navigation():
        page.click(f"header .menu-items a:has-text('{item}')")


def log_out(page) -> None:
    page.click("header .user-menu summary")
    with page.expect_navigation():
        page.click("header .menu-items button.logout")
