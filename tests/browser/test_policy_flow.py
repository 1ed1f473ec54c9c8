"""A normative document from draft to the public library in a browser: a unit's author
drafts a 行政规范性文件 and its interpretation; the sensitive-information scan flags a
resident identity number in the body; the author masks it on the review page; two
reviewers pass both items (the unit's route has two levels); the public finds the
document first with a query in traditional characters and with its 文号 typed in []
brackets, and reads it with its interpretation and without the identity number."""
import pytest

from gongkai.orgs.models import Role, Unit, User
from gongkai.policies.models import PolicyDocument, Topic
from gongkai.publishing.models import Finding, ReviewRoute
from tests.browser.conftest import login, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-pass-1"
RESIDENT_ID = "11010519491231002X"  # valid GB 11643 check digit
TITLE = "关于印发黄埔区促进青年就业创业若干措施的通知"
DOC_NUMBER = "埔人社规〔2023〕7号"


def pass_from_desk(page, title: str) -> None:
    page.goto("/publishing/review/")
    with page.expect_navigation():
        page.click(f"#review-desk a:has-text('{title}')")
    submit(page, "#decision button[value=pass]")
    assert "已审核通过" in page.content()


def draft_document_and_interpretation(page, topic: Topic) -> tuple:
    page.goto("/policies/staff/new/")
    page.select_option("#id_kind", "normative")
    page.fill("#id_title", TITLE)
    page.fill("#id_doc_number", DOC_NUMBER)
    page.fill("#id_written_on", "2023-06-01")
    page.fill("#id_effective_on", "2023-07-01")
    page.select_option("#id_topic", str(topic.pk))
    page.fill("#id_body_html", "<p>为促进青年就业创业，制定以下措施。</p>"
              f"<p>咨询联系人：张某，身份证号码{RESIDENT_ID}。</p>")
    page.select_option("#id_audience", "public")
    submit(page, "form.card button[type=submit]")
    document = PolicyDocument.objects.get(title=TITLE)
    assert document.doc_number == DOC_NUMBER

    with page.expect_navigation():
        page.click("a:has-text('新建解读')")
    page.select_option("#id_form", "text")
    page.fill("#id_title", "一图读懂：青年创业补贴怎么申领")
    page.fill("#id_body_html", "<p>符合条件的高校毕业生可以申领创业补贴。</p>")
    submit(page, "form.card button[type=submit]")
    interpretation = PolicyDocument.objects.get(interprets=document)
    return document, interpretation


def test_author_drafts_masks_two_reviewers_pass_and_the_public_finds_it(new_page):
    office = Unit.objects.create(name="区政务公开办", is_office=True)
    unit = Unit.objects.create(name="区人力资源社会保障局", category="department")
    topic = Topic.objects.create(name="劳动、人事、监察")
    User.objects.create_user("rsj_author", password=PASSWORD, role=Role.UNIT_STAFF, unit=unit,
                             display_name="王起草")
    reviewers = [User.objects.create_user(name, password=PASSWORD, role=Role.REVIEWER,
                                          unit=office, display_name=label)
                 for name, label in (("first_reviewer", "李初审"), ("second_reviewer", "赵复审"))]
    route = ReviewRoute.objects.create(unit=unit, levels=2)
    route.reviewers.set(reviewers)

    # The author drafts the document with its interpretation and submits both.
    author = new_page()
    login(author, "rsj_author", PASSWORD)
    document, interpretation = draft_document_and_interpretation(author, topic)
    submit(author, "form:has(input[value=submit]) button[type=submit]")  # the interpretation
    author.goto(f"/policies/staff/{document.pk}/")
    submit(author, "form:has(input[value=submit]) button[type=submit]")
    document.refresh_from_db()
    assert document.publication_status == "in_review"

    # The scan flagged the identity number; the author follows the document page's link
    # to the review and masks it there.
    with author.expect_navigation():
        author.click("a:has-text('审核与敏感信息')")
    findings = author.locator("#findings tr.finding-open")
    assert findings.count() == 1 and "居民身份证号码" in findings.inner_text()
    assert RESIDENT_ID not in findings.inner_text()  # the excerpt is shown masked
    submit(author, "#findings button[value=mask]")
    assert author.locator("#findings tr.finding-masked").count() == 1
    assert not Finding.objects.filter(object_id=document.pk, status="open").exists()
    # The author may not pass their own document.
    assert author.locator("#decision").count() == 0

    # Two reviewers pass both items, level by level.
    for username in ("first_reviewer", "second_reviewer"):
        reviewer = new_page()
        login(reviewer, username, PASSWORD)
        pass_from_desk(reviewer, TITLE)
        pass_from_desk(reviewer, "一图读懂：青年创业补贴怎么申领")
    document.refresh_from_db()
    interpretation.refresh_from_db()
    assert document.publication_status == interpretation.publication_status == "published"

    # The public: a query in traditional characters and the 文号 in [] find it first.
    public = new_page()
    public.goto("/")
    with public.expect_navigation():
        public.click("a.section-link:has-text('政策文件库')")
    public.fill("#library-q", "促進青年就業創業 若干措施")
    submit(public, "form[role=search] button[type=submit]")
    first = public.locator("ol.results li.result").first
    assert first.get_attribute("data-id") == str(document.pk)
    assert "<mark>" in first.inner_html()

    public.fill("#library-q", "埔人社规[2023]7号")
    submit(public, "form[role=search] button[type=submit]")
    assert public.locator("ol.results li.result").first.get_attribute("data-id") == str(
        document.pk)

    with public.expect_navigation():
        public.locator("ol.results li.result").first.locator("h2 a").click()
    page = public.content()
    assert TITLE in page and DOC_NUMBER in page and "现行有效" in page
    assert "劳动、人事、监察" in page and "2023-07-01" in page
    assert RESIDENT_ID not in page and "**********" in page
    with public.expect_navigation():
        public.click("section[aria-labelledby=interpretations] a:has-text('一图读懂')")
    assert "符合条件的高校毕业生可以申领创业补贴" in public.content()
    assert TITLE in public.content()  # it links back to its document
