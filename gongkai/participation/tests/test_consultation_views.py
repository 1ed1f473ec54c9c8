"""Consultation pages: the public sees only published consultations, comments are
escaped and rate-limited, contact details never reach a public page; unit staff reach
only their own unit's consultations, the office all."""
import datetime as dt

import pytest
import time_machine

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from gongkai.participation.models import (
    CommentGroup,
    ConsultationComment,
    Decision,
    FeedbackReport,
)
from gongkai.participation.services import consultations as svc
from gongkai.participation.tests.factories_consultations import (
    ArticleFactory,
    CommentFactory,
    ConsultationFactory,
)
from gongkai.participation.views.consultations import COMMENT_LIMIT

pytestmark = pytest.mark.django_db
HOSTILE = '<script>alert("x")</script>'
PHONE = "13912345678"


@pytest.fixture(autouse=True)
def _in_period():
    cache.clear()
    with time_machine.travel(dt.datetime(2022, 6, 15, 10, tzinfo=dt.UTC), tick=False):
        yield


def _url(name, *args):
    return reverse(f"participation:{name}", args=args)


def test_public_list_and_page_show_published_only(client):
    shown = ConsultationFactory(title="公开的草案")
    hidden = ConsultationFactory(title="草稿中的草案", publication_status="draft")
    page = client.get(_url("consultations")).content.decode()
    assert "公开的草案" in page and "草稿中的草案" not in page
    assert client.get(_url("consultation", shown.pk)).status_code == 200
    assert client.get(_url("consultation", hidden.pk)).status_code == 404
    assert client.post(_url("consultation_comment", hidden.pk),
                       {"body": "x"}).status_code == 404


def test_comment_on_an_article_is_stored_and_hostile_text_shown_escaped(client,
                                                                        unit_staff,
                                                                        client_for):
    c = ConsultationFactory(unit=unit_staff.unit)
    article = ArticleFactory(consultation=c, label="第一条")
    response = client.post(_url("consultation_comment", c.pk), {
        "article": article.pk, "name": HOSTILE, "contact": PHONE, "body": HOSTILE})
    assert response.status_code == 302
    comment = ConsultationComment.objects.get()
    assert comment.body == HOSTILE and comment.article == article
    staff_page = client_for(unit_staff).get(_url("staff_consultation_comments", c.pk))
    html = staff_page.content.decode()
    assert HOSTILE not in html and "&lt;script&gt;" in html
    assert PHONE in html  # the unit's staff may contact the commenter
    public = client.get(_url("consultation", c.pk)).content.decode()
    assert PHONE not in public and HOSTILE not in public


def test_article_of_another_consultation_is_not_found(client):
    c, other = ConsultationFactory(), ConsultationFactory()
    article = ArticleFactory(consultation=other)
    response = client.post(_url("consultation_comment", c.pk),
                           {"article": article.pk, "body": "意见"})
    assert response.status_code == 404
    assert not ConsultationComment.objects.exists()


def test_refused_comment_keeps_what_was_typed_and_says_why(client):
    c = ConsultationFactory(allow_anonymous=False)
    response = client.post(_url("consultation_comment", c.pk), {"body": "我的长篇意见"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "须署名" in html and "我的长篇意见" in html
    assert not ConsultationComment.objects.exists()


def test_comments_are_rate_limited_per_visitor(client):
    c = ConsultationFactory()
    for n in range(COMMENT_LIMIT):
        assert client.post(_url("consultation_comment", c.pk),
                           {"body": f"第{n}条意见，内容{n * 13}"}).status_code == 302
    response = client.post(_url("consultation_comment", c.pk), {"body": "再来一条"})
    assert response.status_code == 429
    assert ConsultationComment.objects.count() == COMMENT_LIMIT
    other = Client(REMOTE_ADDR="10.0.0.2")
    assert other.post(_url("consultation_comment", c.pk),
                      {"body": "另一位访客"}).status_code == 302


def test_comment_form_needs_the_csrf_token():
    c = ConsultationFactory()
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(_url("consultation_comment", c.pk), {"body": "x"}).status_code == 403


def test_closed_consultation_page_has_no_comment_form(client):
    c = ConsultationFactory(opens_on=dt.date(2022, 5, 1), closes_on=dt.date(2022, 6, 1),
                            short_period_reason="测试")
    html = client.get(_url("consultation", c.pk)).content.decode()
    assert "征求意见已结束" in html and "提交意见" not in html


def _staff_urls(c, comment, group, article):
    gets = [_url("staff_consultation", c.pk), _url("staff_consultation_edit", c.pk),
            _url("staff_consultation_comments", c.pk), _url("staff_feedback", c.pk),
            _url("staff_feedback_docx", c.pk)]
    posts = [_url("staff_consultation_split", c.pk), _url("staff_article_edit", article.pk),
             _url("staff_attachment_add", c.pk), _url("staff_consultation_submit", c.pk),
             _url("staff_comment_decide", comment.pk), _url("staff_group_decide", group.pk),
             _url("staff_comments_regroup", c.pk), _url("staff_feedback_submit", c.pk)]
    return gets, posts


def test_other_units_staff_reach_none_of_a_consultations_staff_pages(
        unit_staff, other_unit_staff, office_admin, client_for):
    c = ConsultationFactory(unit=unit_staff.unit, publication_status="draft")
    article = ArticleFactory(consultation=c)
    group = CommentGroup.objects.create(consultation=c)
    comment = CommentFactory(consultation=c, group=group, contact=PHONE)
    gets, posts = _staff_urls(c, comment, group, article)
    other = client_for(other_unit_staff)
    for url in gets:
        assert other.get(url).status_code == 404, url
    for url in posts:
        assert other.post(url, {"decision": "adopted", "label": "x", "text": "y"}
                          ).status_code == 404, url
    assert c.title not in other.get(_url("staff_consultations")).content.decode()
    comment.refresh_from_db()
    assert comment.decision == Decision.PENDING
    anonymous = Client()
    assert anonymous.get(gets[0]).status_code == 302
    for user in (unit_staff, office_admin):
        assert client_for(user).get(_url("staff_consultation_comments", c.pk)
                                    ).status_code == 200


def test_public_user_has_no_staff_list(client_for):
    from gongkai.orgs.tests.factories import PublicUserFactory

    assert client_for(PublicUserFactory()).get(_url("staff_consultations")
                                               ).status_code == 403


def test_staff_create_refuses_a_short_period_without_reason(unit_staff, client_for):
    staff = client_for(unit_staff)
    data = {"title": "短期办法", "draft_text": "第一条 内容。", "opens_on": "2022-06-01",
            "closes_on": "2022-06-10", "allow_anonymous": "on"}
    response = staff.post(_url("staff_consultation_create"), data)
    assert response.status_code == 400 and "须说明理由" in response.content.decode()
    data["short_period_reason"] = "上级要求限期出台"
    response = staff.post(_url("staff_consultation_create"), data)
    assert response.status_code == 302
    detail = staff.get(response["Location"]).content.decode()
    assert "period-warning" in detail and "上级要求限期出台" in detail


def test_not_adopted_without_reason_is_refused_in_the_page(unit_staff, client_for):
    comment = CommentFactory(consultation__unit=unit_staff.unit)
    response = client_for(unit_staff).post(
        _url("staff_comment_decide", comment.pk), {"decision": "not_adopted"}, follow=True)
    assert "须说明理由" in response.content.decode()
    comment.refresh_from_db()
    assert comment.decision == Decision.PENDING


def test_feedback_is_public_only_once_published_and_never_shows_contacts(
        client, unit_staff):
    c = ConsultationFactory(unit=unit_staff.unit, closes_on=dt.date(2022, 6, 10),
                            short_period_reason="测试")
    comment = CommentFactory(consultation=c, name="王某", contact=PHONE, body=HOSTILE)
    svc.comment_decide(comment=comment, actor=unit_staff, decision="not_adopted",
                       reason=HOSTILE)
    from gongkai.participation.services.feedback import feedback_generate

    report = feedback_generate(consultation=c, actor=unit_staff)
    assert client.get(_url("consultation_feedback", c.pk)).status_code == 404
    assert client.get(_url("consultation_feedback_docx", c.pk)).status_code == 404
    FeedbackReport.objects.filter(pk=report.pk).update(publication_status="published")
    html = client.get(_url("consultation_feedback", c.pk)).content.decode()
    assert "&lt;script&gt;" in html and HOSTILE not in html
    assert PHONE not in html and "王某" not in html
    docx = client.get(_url("consultation_feedback_docx", c.pk))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert "意见采纳情况反馈已发布" in client.get(_url("consultation", c.pk)).content.decode()


def test_staff_edit_saves_a_draft_and_refuses_a_published_one(unit_staff, client_for):
    c = ConsultationFactory(unit=unit_staff.unit, publication_status="draft")
    data = {"title": "改过的标题", "draft_text": "第一条 新内容。", "opens_on": "2022-06-01",
            "closes_on": "2022-06-30", "allow_anonymous": "on"}
    staff = client_for(unit_staff)
    assert staff.post(_url("staff_consultation_edit", c.pk), data).status_code == 302
    c.refresh_from_db()
    assert c.title == "改过的标题" and list(c.articles.values_list("label", flat=True)) == [
        "第一条"]
    published = ConsultationFactory(unit=unit_staff.unit)
    response = staff.post(_url("staff_consultation_edit", published.pk), data)
    assert response.status_code == 400 and "不能修改" in response.content.decode()


def test_an_article_with_clauses_shows_once_with_one_button_per_clause(client):
    consultation = ConsultationFactory()
    ArticleFactory(consultation=consultation, order=1, label="第一条", text="总则内容。")
    parent = ArticleFactory(consultation=consultation, order=2, label="第三条",
                            text="第一款内容甲。\n第二款内容乙。")
    ArticleFactory(consultation=consultation, order=3, parent=parent, label="第三条第一款",
                   text="第一款内容甲。")
    ArticleFactory(consultation=consultation, order=4, parent=parent, label="第三条第二款",
                   text="第二款内容乙。")
    body = client.get(_url("consultation", consultation.pk)).content.decode()
    assert body.count("第一款内容甲。") == 1 and body.count("第二款内容乙。") == 1
    # The whole draft, 第一条 and each 款: four buttons, each naming its target.
    assert body.count("<summary>") == 4
    for target in ("对草案整体提出意见", "对第一条提出意见", "对第三条第一款提出意见",
                   "对第三条第二款提出意见"):
        assert target in body, target
    assert "对第三条提出意见" not in body
    assert f'name="article" value="{parent.pk}"' not in body
