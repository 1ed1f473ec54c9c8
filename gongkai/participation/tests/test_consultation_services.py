"""Consultations: the period rule, self-closing by date, the article split, comments,
decisions with their constraint, near-duplicate groups, the feedback report."""
import datetime as dt
import io

import pytest
import time_machine
from docx import Document

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from gongkai.core.audit import history_of
from gongkai.core.errors import ApplicationError
from gongkai.core.models import Notification
from gongkai.orgs.tests.factories import ReviewerFactory, UserFactory
from gongkai.participation import consultation_text as ct
from gongkai.participation.models import (
    Consultation,
    ConsultationAttachment,
    ConsultationComment,
    Decision,
    FeedbackReport,
)
from gongkai.participation.selectors.consultations import (
    public_consultations,
    published_feedback,
)
from gongkai.participation.services import consultations as svc
from gongkai.participation.services.feedback import (
    feedback_docx,
    feedback_generate,
)
from gongkai.participation.tests.factories_consultations import (
    DRAFT,
    ArticleFactory,
    CommentFactory,
    ConsultationFactory,
)
from gongkai.publishing.models import PublicationStatus, ReviewRoute
from gongkai.publishing.services import content_submit_for_review, review_decide

pytestmark = pytest.mark.django_db
IN_PERIOD = dt.date(2022, 6, 15)
AFTER = dt.date(2022, 7, 5)
BEIJING = dt.timezone(dt.timedelta(hours=8))


# The article split ------------------------------------------------------------------

def test_split_finds_articles_their_clauses_and_keeps_items_in_their_clause():
    articles = ct.split_articles(DRAFT)
    assert [a.label for a in articles] == ["第一条", "第二条", "第三条"]
    assert articles[0].clauses == ["为规范停车管理，制定本办法。"]
    second = articles[1].clauses
    assert len(second) == 2
    assert second[1].startswith("本区有关部门") and "（二）城管部门负责执法。" in second[1]


def test_split_falls_back_to_numbered_points_and_else_has_no_articles():
    points = ct.split_articles("一、总体要求\n内容甲\n二、主要任务\n1. 第一点")
    assert [a.label for a in points] == ["第一点", "第二点"]
    assert ct.split_articles("只有一段说明文字，没有条款。") == []


def test_chinese_numbers_cover_article_numbering():
    assert [ct.chinese_number(n) for n in (1, 10, 12, 20, 35, 100, 105, 120)] == [
        "一", "十", "十二", "二十", "三十五", "一百", "一百零五", "一百二十"]


def test_creating_stores_articles_and_clauses_with_labels(unit_staff):
    c = svc.consultation_create(unit=unit_staff.unit, author=unit_staff, title="办法",
                                draft_text=DRAFT, opens_on=dt.date(2022, 6, 1),
                                closes_on=dt.date(2022, 6, 30))
    labels = list(c.articles.values_list("label", flat=True))
    assert labels == ["第一条", "第二条", "第二条第一款", "第二条第二款", "第三条"]
    clause = c.articles.get(label="第二条第二款")
    assert clause.parent.label == "第二条"


def test_article_edit_is_recorded_and_resplit_refused_once_comments_exist(unit_staff):
    c = ConsultationFactory(unit=unit_staff.unit, publication_status="draft")
    svc.consultation_articles_split(consultation=c, actor=unit_staff)
    first = c.articles.first()
    svc.article_update(article=first, actor=unit_staff, label="第一条", text="新的条文")
    first.refresh_from_db()
    assert first.text == "新的条文"
    CommentFactory(consultation=c)
    with pytest.raises(ApplicationError):
        svc.consultation_articles_split(consultation=c, actor=unit_staff)
    assert c.articles.get(pk=first.pk).text == "新的条文"


# The period ---------------------------------------------------------------------------

def test_thirty_days_need_no_reason_and_shorter_periods_warn():
    assert svc.period_warning(dt.date(2022, 6, 1), dt.date(2022, 6, 30)) == ""
    assert "20天" in svc.period_warning(dt.date(2022, 6, 1), dt.date(2022, 6, 20))


def test_short_period_is_refused_without_a_reason_and_recorded_with_one(unit_staff):
    kwargs = {"unit": unit_staff.unit, "author": unit_staff, "title": "急需办法",
              "draft_text": DRAFT, "opens_on": dt.date(2022, 6, 1),
              "closes_on": dt.date(2022, 6, 10)}
    with pytest.raises(ApplicationError, match="须说明理由"):
        svc.consultation_create(**kwargs)
    assert not Consultation.objects.exists()
    c = svc.consultation_create(**kwargs, short_period_reason="防汛应急需要")
    event = history_of(c).get(action="participation.consultation.created")
    assert event.details["short_period_reason"] == "防汛应急需要"
    assert event.details["period_days"] == 10


def test_closing_before_opening_is_refused_and_the_database_agrees(unit_staff):
    with pytest.raises(ApplicationError):
        svc.consultation_create(unit=unit_staff.unit, author=unit_staff, title="x",
                                draft_text=DRAFT, opens_on=dt.date(2022, 6, 10),
                                closes_on=dt.date(2022, 6, 1), short_period_reason="r")
    with pytest.raises(IntegrityError), transaction.atomic():
        ConsultationFactory(opens_on=dt.date(2022, 6, 10), closes_on=dt.date(2022, 6, 1))


def test_consultation_closes_itself_at_the_end_of_its_last_day():
    c = ConsultationFactory()
    with time_machine.travel(dt.datetime(2022, 6, 30, 23, 50, tzinfo=BEIJING), tick=False):
        svc.comment_submit(consultation=c, body="最后一天的意见")
    with time_machine.travel(dt.datetime(2022, 7, 1, 0, 5, tzinfo=BEIJING), tick=False):
        with pytest.raises(ApplicationError, match="不在征求期内"):
            svc.comment_submit(consultation=c, body="太晚的意见")
        lists = public_consultations(None, today=dt.date(2022, 7, 1))
    assert c.comments.count() == 1
    assert list(lists["closed"]) == [c] and not lists["open"].exists()
    assert list(public_consultations(None, today=IN_PERIOD)["open"]) == [c]


def test_unpublished_consultation_takes_no_comments_and_is_not_listed():
    c = ConsultationFactory(publication_status=PublicationStatus.DRAFT)
    with pytest.raises(ApplicationError):
        svc.comment_submit(consultation=c, body="意见", today=IN_PERIOD)
    assert not public_consultations(None, today=IN_PERIOD)["open"].exists()


def test_closing_notifies_the_units_staff_once():
    c = ConsultationFactory()
    staff = UserFactory(unit=c.unit)
    from gongkai.core.notifications.reminders import reminders_run

    def run(today):
        return reminders_run(today=today, only=["participation.consultation_closed"])

    assert run(dt.date(2022, 6, 30)) == 0
    assert run(AFTER) == 1
    assert run(AFTER) == 0
    assert Notification.objects.get(user=staff).text.startswith("征求意见")


def _published_with_articles(staff) -> Consultation:
    c = ConsultationFactory(unit=staff.unit, publication_status="draft")
    svc.consultation_articles_split(consultation=c, actor=staff)
    Consultation.objects.filter(pk=c.pk).update(publication_status="published")
    c.refresh_from_db()
    return c


# Comments -------------------------------------------------------------------------

def test_comment_on_an_article_keeps_contact_and_hostile_text_as_entered():
    c = _published_with_articles(UserFactory())
    article = c.articles.get(label="第二条")
    comment = svc.comment_submit(consultation=c, article=article, name="<b>张三</b>",
                                 contact="13800000000",
                                 body="<script>alert(1)</script>建议", today=IN_PERIOD)
    comment.refresh_from_db()
    assert comment.body == "<script>alert(1)</script>建议"
    assert comment.contact == "13800000000" and comment.article == article


def test_anonymous_comment_is_refused_when_the_consultation_requires_a_name():
    c = ConsultationFactory(allow_anonymous=False)
    with pytest.raises(ApplicationError, match="须署名"):
        svc.comment_submit(consultation=c, body="意见", today=IN_PERIOD)
    assert svc.comment_submit(consultation=c, body="意见", name="李四", today=IN_PERIOD)


def test_oversized_and_empty_comments_are_refused_and_nothing_is_stored():
    c = ConsultationFactory()
    for body in ("", "   ", "长" * (svc.MAX_COMMENT + 1)):
        with pytest.raises(ApplicationError):
            svc.comment_submit(consultation=c, body=body, today=IN_PERIOD)
    assert not ConsultationComment.objects.exists()


def test_article_of_another_consultation_is_refused():
    c, other = ConsultationFactory(), ConsultationFactory()
    with pytest.raises(ApplicationError):
        svc.comment_submit(consultation=c, article=ArticleFactory(consultation=other),
                           body="意见", today=IN_PERIOD)


# Decisions ---------------------------------------------------------------------------

def test_not_adopted_needs_a_reason_in_the_service_and_in_the_database(unit_staff):
    comment = CommentFactory(consultation__unit=unit_staff.unit)
    with pytest.raises(ApplicationError, match="须说明理由"):
        svc.comment_decide(comment=comment, actor=unit_staff, decision=Decision.NOT_ADOPTED)
    comment.refresh_from_db()
    assert comment.decision == Decision.PENDING
    comment.decision = Decision.NOT_ADOPTED
    with pytest.raises(IntegrityError), transaction.atomic():
        comment.save()


def test_decision_is_recorded_revisable_and_audited(unit_staff):
    comment = CommentFactory(consultation__unit=unit_staff.unit)
    svc.comment_decide(comment=comment, actor=unit_staff, decision=Decision.ADOPTED)
    svc.comment_decide(comment=comment, actor=unit_staff, decision=Decision.NOT_ADOPTED,
                       reason="与上位法不一致")
    comment.refresh_from_db()
    assert (comment.decision, comment.reason, comment.decided_by) == (
        Decision.NOT_ADOPTED, "与上位法不一致", unit_staff)
    actions = list(history_of(comment).values_list("action", flat=True))
    assert actions == ["participation.comment.decided", "participation.comment.revised"]
    with pytest.raises(ApplicationError):
        svc.comment_decide(comment=comment, actor=unit_staff, decision=Decision.PENDING)


# Near-duplicates ------------------------------------------------------------------------

CAMPAIGN = "强烈反对在我小区旁边建设垃圾转运站，请重新选址，保障居民健康！"
CAMPAIGN_VARIANTS = [
    CAMPAIGN,
    "强烈反对在我小区旁边建设垃圾转运站, 请重新选址, 保障居民健康!",  # half-width
    "強烈反對在我小區旁邊建設垃圾轉運站，請重新選址，保障居民健康！",  # traditional
    "强烈反对在我小区旁边建设垃圾转运站，请重新选址，保障居民健康！我是三栋业主。",
]


def test_near_duplicates_are_grouped_across_scripts_and_small_edits():
    texts = {i: t for i, t in enumerate(CAMPAIGN_VARIANTS, start=1)}
    texts[99] = "建议第三条明确停车收费标准的听证程序。"
    groups = ct.near_duplicate_groups(texts)
    assert groups == [{1, 2, 3, 4}]


def test_campaign_comments_group_on_arrival_are_decided_together_counted_separately(
        unit_staff):
    c = ConsultationFactory(unit=unit_staff.unit)
    for text in CAMPAIGN_VARIANTS:
        svc.comment_submit(consultation=c, body=text, today=IN_PERIOD)
    single = svc.comment_submit(consultation=c, body="建议增加充电桩。", today=IN_PERIOD)
    assert c.comment_groups.count() == 1
    group = c.comment_groups.get()
    assert group.comments.count() == 4 and single.group is None
    assert svc.group_decide(group=group, actor=unit_staff, decision=Decision.NOT_ADOPTED,
                            reason="选址已经环评论证") == 4
    svc.comment_decide(comment=single, actor=unit_staff, decision=Decision.ADOPTED)
    with time_machine.travel(dt.datetime(2022, 7, 5, 10, tzinfo=dt.UTC), tick=False):
        report = feedback_generate(consultation=c, actor=unit_staff)
    data = report.data
    assert data["total"] == 5
    assert data["counts"] == {"adopted": 1, "partly": 0, "not_adopted": 4,
                              "not_applicable": 0}
    whole = data["articles"][0]
    assert whole["not_adopted"] == [{"excerpt": CAMPAIGN, "reason": "选址已经环评论证",
                                     "count": 4}]


def test_regrouping_recomputes_groups_and_keeps_decisions(unit_staff):
    c = ConsultationFactory(unit=unit_staff.unit)
    comments = [CommentFactory(consultation=c, body=t) for t in CAMPAIGN_VARIANTS[:3]]
    svc.comment_decide(comment=comments[0], actor=unit_staff, decision=Decision.ADOPTED)
    assert svc.comments_regroup(consultation=c, actor=unit_staff) == 1
    assert c.comment_groups.get().comments.count() == 3
    comments[0].refresh_from_db()
    assert comments[0].decision == Decision.ADOPTED


# The feedback report -------------------------------------------------------------------

def _consultation_with_decisions(staff):
    c = _published_with_articles(staff)
    clause = c.articles.get(label="第二条第二款")
    first = c.articles.get(label="第一条")
    plan = [(first, Decision.ADOPTED, ""), (clause, Decision.NOT_ADOPTED, "职责已由法规规定"),
            (clause, Decision.PARTLY, ""), (None, Decision.NOT_APPLICABLE, "")]
    for n, (article, decision, reason) in enumerate(plan):
        comment = svc.comment_submit(consultation=c, article=article,
                                     body=f"第{n}条不同的意见：内容各不相同{n * 7}",
                                     today=IN_PERIOD)
        svc.comment_decide(comment=comment, actor=staff, decision=decision, reason=reason)
    return c


def test_report_counts_by_article_with_clauses_rolled_into_their_article(unit_staff):
    c = _consultation_with_decisions(unit_staff)
    report = feedback_generate(consultation=c, actor=unit_staff, today=AFTER)
    by_label = {a["label"]: a for a in report.data["articles"]}
    assert list(by_label) == ["对草案整体的意见", "第一条", "第二条"]
    assert by_label["第二条"]["total"] == 2
    assert by_label["第二条"]["counts"]["not_adopted"] == 1
    assert by_label["第二条"]["not_adopted"][0]["reason"] == "职责已由法规规定"
    assert by_label["第一条"]["counts"]["adopted"] == 1


def test_report_is_refused_before_the_end_and_while_comments_are_pending(unit_staff):
    c = ConsultationFactory(unit=unit_staff.unit)
    CommentFactory(consultation=c)
    with pytest.raises(ApplicationError, match="尚未结束"):
        feedback_generate(consultation=c, actor=unit_staff, today=IN_PERIOD)
    with pytest.raises(ApplicationError, match="1条意见未处理"):
        feedback_generate(consultation=c, actor=unit_staff, today=AFTER)
    assert not FeedbackReport.objects.exists()


def test_report_docx_opens_and_holds_counts_and_reasons(unit_staff):
    c = _consultation_with_decisions(unit_staff)
    report = feedback_generate(consultation=c, actor=unit_staff, today=AFTER)
    document = Document(io.BytesIO(feedback_docx(report)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert c.title in text and "共收到意见4条" in text and "职责已由法规规定" in text
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert "第二条" in cells


def test_report_is_published_after_review_and_then_decisions_are_frozen(unit_staff):
    c = _consultation_with_decisions(unit_staff)
    report = feedback_generate(consultation=c, actor=unit_staff, today=AFTER)
    assert published_feedback(None, c) is None
    ReviewRoute.objects.create(unit=c.unit, levels=1)
    reviewer = ReviewerFactory(unit=c.unit)
    review = content_submit_for_review(obj=report, actor=unit_staff)
    with pytest.raises(ApplicationError, match="不能再修改"):
        svc.comment_decide(comment=c.comments.first(), actor=unit_staff,
                           decision=Decision.ADOPTED)
    review_decide(review=review, reviewer=reviewer, passed=True)
    assert published_feedback(None, c) == report
    with pytest.raises(ApplicationError):
        feedback_generate(consultation=c, actor=unit_staff, today=AFTER)


# Attachments ---------------------------------------------------------------------------

def test_attachment_is_checked_by_content_and_a_fake_leaves_nothing(unit_staff, settings,
                                                                    tmp_path):
    settings.MEDIA_ROOT = tmp_path
    c = ConsultationFactory(unit=unit_staff.unit, publication_status="draft")
    fake = SimpleUploadedFile("材料.pdf", b"<html>not a pdf</html>")
    with pytest.raises(ApplicationError):
        svc.attachment_add(consultation=c, actor=unit_staff, file=fake)
    assert not ConsultationAttachment.objects.exists()
    assert not list(tmp_path.rglob("*.*"))
