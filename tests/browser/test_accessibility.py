"""Every public page passes axe-core (served from this site's static files, never from a
CDN) with no serious or critical violation of WCAG 2.1 A/AA — at the desktop width, in
elder mode, and on a phone — and the skip link, the column navigation, the reading aids
and the zoom to 200 % work as a resident uses them."""
import pytest

from gongkai.orgs.tests.factories import UnitFactory
from gongkai.participation.tests.factories_consultations import (
    ConsultationFactory,
    MeetingFactory,
)
from gongkai.policies.tests.factories_policies import make_document
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = "/static/vendor/axe-core/axe.min.js"
RUN_AXE = """async () => {
  const result = await axe.run(document, {runOnly: {type: "tag",
    values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
  return result.violations.filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => v.id + " (" + v.impact + "): " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
}"""
STATIC_PAGES = ["/", "/policies/", "/policies/search/?q=%E4%BD%8F%E6%88%BF", "/policies/gazette/",
                "/policies/enterprises/", "/qa/", "/foi/apply/", "/foi/track/",
                "/participation/consultations/", "/participation/meetings/",
                "/participation/messages/", "/participation/messages/write/",
                "/participation/messages/track/", "/accounts/login/"]


@pytest.fixture
def public_pages():
    unit = UnitFactory(name="区住房城乡建设局")
    document = make_document(unit=unit, title="黄埔区住房保障实施办法",
                             body_html="<p>为做好住房保障工作，制定本办法。</p>")
    consultation = ConsultationFactory(unit=unit)
    meeting = MeetingFactory(unit=unit)
    entry = published_entry(question="住房保障怎么申请？")
    return STATIC_PAGES + [f"/policies/doc/{document.pk}/",
                           f"/participation/consultations/{consultation.pk}/",
                           f"/participation/meetings/{meeting.pk}/",
                           f"/qa/entry/{entry.pk}/"]


def axe_violations(page, url: str) -> list[str]:
    response = page.goto(url)
    assert response.status == 200, url
    page.add_script_tag(url=AXE)  # a same-site script: the CSP lets it run
    return page.evaluate(RUN_AXE)


def test_every_public_page_has_no_serious_accessibility_violation(new_page, public_pages):
    page = new_page()
    found = {url: axe_violations(page, url) for url in public_pages}
    assert {url: v for url, v in found.items() if v} == {}


def test_elder_mode_and_phone_width_stay_accessible(new_page, public_pages):
    page = new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    page.click("[data-elder-toggle]")
    found = {url: axe_violations(page, url) for url in public_pages[:8]}
    assert {url: v for url, v in found.items() if v} == {}


def test_every_public_page_has_the_skip_link_navigation_landmarks_and_footer(
        new_page, public_pages):
    page = new_page()
    for url in public_pages:
        page.goto(url)
        assert page.locator("a.skip-link[href='#main']").count() == 1, url
        assert page.locator("header").count() >= 1 and page.locator("main#main").count() == 1
        assert page.locator("nav.public-nav a:has-text('政策文件')").count() == 1, url
        assert page.locator("footer.site-footer").count() == 1, url
    # The skip link is the first stop of the keyboard and moves the focus to the content.
    page.goto("/policies/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator("a.skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.locator("nav.public-nav a[aria-current=page]").inner_text() == "政策文件"


def test_text_size_and_elder_mode_are_remembered_across_pages(new_page):
    page = new_page()
    page.goto("/")
    base = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.click("[data-text-size='1']")
    page.click("[data-text-size='1']")
    bigger = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert bigger > base * 1.2
    page.goto("/policies/")  # another page, the same size
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == bigger
    page.click("[data-text-size='0']")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == base
    page.click("[data-elder-toggle]")
    assert page.get_attribute("[data-elder-toggle]", "aria-pressed") == "true"
    page.goto("/qa/")
    assert page.evaluate("document.documentElement.classList.contains('elder')")
    assert page.get_attribute("[data-elder-toggle]", "aria-pressed") == "true"
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") > base * 1.2


def test_zoom_to_200_percent_loses_no_content_or_function(new_page, public_pages):
    """WCAG 1.4.4/1.4.10: at 200 % (a 1280 px window seen as 640 px) no public page
    needs a sideways scroll and the navigation and search stay usable."""
    page = new_page()
    page.set_viewport_size({"width": 640, "height": 800})
    wide = {}
    for url in public_pages:
        page.goto(url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 1:
            wide[url] = overflow
    assert wide == {}
    page.goto("/")
    page.fill("#home-q", "住房")
    with page.expect_navigation():
        page.click(".home-search button[type=submit]")
    assert "/policies/search/" in page.url
