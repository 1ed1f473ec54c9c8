import datetime as dt

import pytest

from django.test import Client
from django.urls import reverse

from gongkai.orgs.tests.factories import (
    OfficeAdminFactory,
    ReviewerFactory,
    SupervisorFactory,
    UnitFactory,
    UserFactory,
)
from gongkai.publishing.models import (
    CatalogItem,
    Finding,
    FindingStatus,
    PublicationStatus,
    ReviewRoute,
    ReviewStatus,
)
from gongkai.publishing.services import (
    catalog_categories_ensure,
    content_submit_for_review,
    review_decide,
)
from gongkai.publishing.tests.factories_publishing import CatalogItemFactory, valid_id

pytestmark = pytest.mark.django_db
HOSTILE = "<script>alert('x')</script>"


@pytest.fixture
def setting():
    """An item of unit A in review (2 levels), its author, and the people around it."""
    author = UserFactory()
    unit = author.unit
    ReviewRoute.objects.create(unit=unit, levels=2)
    item = CatalogItemFactory(unit=unit, author=author, title=f"{HOSTILE}事项",
                              description=f"身份证{valid_id()}。{HOSTILE}")
    review = content_submit_for_review(obj=item, actor=author)
    return {
        "author": author, "item": item, "review": review,
        "colleague": UserFactory(unit=unit),
        "first": ReviewerFactory(unit=unit), "second": ReviewerFactory(unit=unit),
        "other_reviewer": ReviewerFactory(unit=UnitFactory()),
        "other_staff": UserFactory(), "office": OfficeAdminFactory(),
    }


def login(user):
    client = Client()
    client.force_login(user)
    return client


def test_desk_is_for_reviewers_and_the_office_only(setting):
    url = reverse("publishing:review_desk")
    for who in ("author", "colleague", "other_staff"):
        assert login(setting[who]).get(url).status_code == 403
    assert login(SupervisorFactory()).get(url).status_code == 403
    assert Client().get(url).status_code == 302
    for who in ("first", "office"):
        response = login(setting[who]).get(url)
        assert response.status_code == 200
        assert response.context["rows"][0].review == setting["review"]


def test_reviewers_see_only_what_is_routed_to_them(setting):
    url = reverse("publishing:review_desk")
    assert login(setting["other_reviewer"]).get(url).context["rows"] == []
    review_decide(review=setting["review"], reviewer=setting["first"], passed=True)
    # The first reviewer decided level 1: level 2 is for someone else.
    assert login(setting["first"]).get(url).context["rows"] == []
    [row] = login(setting["second"]).get(url).context["rows"]
    assert row.level_label == "复审" and row.open_findings == 1


def test_listed_reviewers_replace_the_unit_default(setting):
    route = ReviewRoute.objects.get(unit=setting["item"].unit)
    outsider = setting["other_reviewer"]
    route.reviewers.set([outsider, setting["second"]])
    url = reverse("publishing:review_desk")
    assert login(setting["first"]).get(url).context["rows"] == []
    assert len(login(outsider).get(url).context["rows"]) == 1


def test_item_page_is_hidden_from_other_units(setting):
    url = reverse("publishing:review_item", args=[setting["review"].pk])
    for who in ("other_staff", "other_reviewer"):
        assert login(setting[who]).get(url).status_code == 404
        assert login(setting[who]).post(url, {"action": "pass"}).status_code == 404
    assert Client().get(url).status_code == 302
    for who in ("author", "colleague", "first", "office"):
        assert login(setting[who]).get(url).status_code == 200


def test_item_page_escapes_hostile_text_and_masks_findings(setting):
    response = login(setting["first"]).get(
        reverse("publishing:review_item", args=[setting["review"].pk]))
    html = response.content.decode()
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    number = valid_id()
    assert f"4401**********{number[-4:]}" in html
    # The raw number is part of the content shown for review, never of the finding row.
    finding = Finding.objects.get()
    assert number not in finding.excerpt
    assert response.context["can_decide"] is True


def test_author_and_staff_cannot_decide_through_the_page(setting):
    url = reverse("publishing:review_item", args=[setting["review"].pk])
    response = login(setting["author"]).get(url)
    assert response.context["can_decide"] is False
    assert login(setting["colleague"]).post(url, {"action": "pass"}).status_code == 403
    reviewer_author = ReviewerFactory(unit=setting["item"].unit)
    CatalogItem.objects.filter(pk=setting["item"].pk).update(author=reviewer_author)
    response = login(reviewer_author).post(url, {"action": "pass"})
    assert response.status_code == 400
    assert not setting["review"].decisions.exists()


def test_pass_and_return_through_the_page(setting):
    url = reverse("publishing:review_item", args=[setting["review"].pk])
    assert login(setting["first"]).post(url, {"action": "pass"}).status_code == 302
    response = login(setting["second"]).post(url, {"action": "return", "reason": ""})
    assert response.status_code == 400
    response = login(setting["second"]).post(url, {"action": "return", "reason": HOSTILE})
    assert response.status_code == 302
    setting["review"].refresh_from_db()
    assert setting["review"].status == ReviewStatus.RETURNED
    html = login(setting["author"]).get(url).content.decode()
    assert HOSTILE not in html and "&lt;script&gt;" in html


def test_author_masks_then_second_reviewer_publishes(setting):
    review, item = setting["review"], setting["item"]
    item_url = reverse("publishing:review_item", args=[review.pk])
    login(setting["first"]).post(item_url, {"action": "pass"})
    response = login(setting["second"]).post(item_url, {"action": "pass"})
    assert response.status_code == 400
    assert "居民身份证号码" in response.content.decode()
    finding = Finding.objects.get(status=FindingStatus.OPEN)
    action_url = reverse("publishing:finding_action", args=[finding.pk])
    assert login(setting["other_staff"]).post(action_url, {"action": "mask"}).status_code == 404
    # The author may mask but not accept.
    assert login(setting["author"]).post(
        action_url, {"action": "accept", "reason": "无"}).status_code == 403
    assert login(setting["author"]).post(action_url, {"action": "mask"}).status_code == 302
    assert valid_id() not in CatalogItem.objects.get(pk=item.pk).description
    assert login(setting["second"]).post(item_url, {"action": "pass"}).status_code == 302
    assert CatalogItem.objects.get(pk=item.pk).publication_status == PublicationStatus.PUBLISHED


def test_reviewer_accepts_with_reason_through_the_page(setting):
    finding = Finding.objects.get()
    url = reverse("publishing:finding_action", args=[finding.pk])
    login(setting["first"]).post(url, {"action": "accept", "reason": ""})
    assert Finding.objects.get().status == FindingStatus.OPEN
    login(setting["first"]).post(url, {"action": "accept", "reason": "公开的示例号码"})
    assert Finding.objects.get().status == FindingStatus.ACCEPTED
    login(setting["first"]).post(url, {"action": "bogus"})
    assert Finding.objects.get().status == FindingStatus.ACCEPTED


# --- catalog pages ------------------------------------------------------------------

def test_catalog_pages_respect_units(setting):
    catalog_categories_ensure()
    item = setting["item"]
    url = reverse("publishing:catalog")
    response = login(setting["author"]).get(url)
    assert response.status_code == 200 and response.context["unit"] == item.unit
    assert HOSTILE not in response.content.decode()
    other = login(setting["other_staff"])
    assert item.title not in other.get(url).content.decode()
    assert other.get(f"{url}?unit={item.unit_id}").context["unit"] != item.unit
    edit = reverse("publishing:catalog_item_edit", args=[item.pk])
    assert other.get(edit).status_code == 404
    assert other.post(edit, {"action": "submit"}).status_code == 404
    assert login(SupervisorFactory()).get(url).status_code == 403
    assert login(setting["office"]).get(f"{url}?unit={item.unit_id}").context["unit"] == \
        item.unit


def test_public_catalog_shows_only_published_public_items(setting):
    catalog_categories_ensure()
    unit = setting["item"].unit
    published = CatalogItemFactory(unit=unit, title="已发布事项",
                                   publication_status=PublicationStatus.PUBLISHED)
    CatalogItemFactory(unit=unit, title="仅内部事项", audience="staff",
                       publication_status=PublicationStatus.PUBLISHED)
    url = reverse("publishing:catalog_public", args=[unit.pk])
    html = Client().get(url).content.decode()
    assert published.title in html and "仅内部事项" not in html
    assert "事项" in html and HOSTILE not in html
    assert "仅内部事项" in login(setting["other_staff"]).get(url).content.decode()


def test_create_edit_and_submit_a_catalog_item(setting):
    catalog_categories_ensure()
    from gongkai.publishing.models import CatalogCategory

    author = setting["colleague"]
    category = CatalogCategory.objects.get(code="A20-02")
    client = login(author)
    response = client.post(reverse("publishing:catalog_item_new"), {
        "category": category.pk, "title": HOSTILE, "description": "电话13812345678",
        "time_limit": "20个工作日", "made_on": "2025-03-01", "audience": "public"})
    assert response.status_code == 302
    item = CatalogItem.objects.get(title=HOSTILE)
    assert item.unit == author.unit and item.made_on == dt.date(2025, 3, 1)
    edit = reverse("publishing:catalog_item_edit", args=[item.pk])
    assert client.post(edit, {"action": "submit"}).status_code == 302
    assert CatalogItem.objects.get(pk=item.pk).publication_status == "in_review"
    assert Finding.objects.filter(object_id=item.pk, kind="mobile").exists()
    response = client.post(edit, {"category": category.pk, "title": "改", "time_limit": "x",
                                  "audience": "public"})
    assert response.status_code == 400
    assert CatalogItem.objects.get(pk=item.pk).title == HOSTILE
    # Reviewers and other units cannot create items for this unit.
    assert login(setting["first"]).get(reverse("publishing:catalog_item_new")).status_code \
        == 403


def test_routes_page_is_for_the_office(setting):
    url = reverse("publishing:routes")
    for who in ("author", "first", "colleague"):
        assert login(setting[who]).get(url).status_code == 403
    office = login(setting["office"])
    unit = setting["item"].unit
    assert office.get(f"{url}?unit={unit.pk}").status_code == 200
    response = office.post(f"{url}?unit={unit.pk}", {
        "levels": "2", "reviewers": [setting["first"].pk, setting["second"].pk]})
    assert response.status_code == 302
    route = ReviewRoute.objects.get(unit=unit)
    assert set(route.reviewers.all()) == {setting["first"], setting["second"]}
    response = office.post(f"{url}?unit={unit.pk}", {
        "levels": "3", "reviewers": [setting["first"].pk]})
    assert response.status_code == 400
    assert ReviewRoute.objects.get(unit=unit).levels == 2


def test_policy_document_is_shown_with_its_number_and_escaped_body(setting):
    from gongkai.policies.models import PolicyDocument

    author = setting["colleague"]
    document = PolicyDocument.objects.create(
        kind="normative", unit=author.unit, author=author, title="关于测试的通知",
        doc_number="穗埔府办〔2025〕3号", body_html="<p>x</p>", body_text=f"正文{HOSTILE}")
    review = content_submit_for_review(obj=document, actor=author)
    response = login(setting["first"]).get(
        reverse("publishing:review_item", args=[review.pk]))
    html = response.content.decode()
    assert "穗埔府办〔2025〕3号" in html and "关于测试的通知" in html
    assert HOSTILE not in html and "正文&lt;script&gt;" in html
    rows = login(setting["first"]).get(reverse("publishing:review_desk")).context["rows"]
    assert {row.obj for row in rows} == {setting["item"], document}
