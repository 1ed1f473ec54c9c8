"""The policy Q&A end to end: a citizen asks in traditional characters and rates the
answer, asks something the library does not know, unit staff answer the queued
question with a new entry, and after the review the same question is answered."""
import pytest

from django.contrib.contenttypes.models import ContentType

from gongkai.orgs.models import Role, Unit, User
from gongkai.publishing.demo import pass_every_level
from gongkai.publishing.models import Review, ReviewStatus
from gongkai.qa.models import PendingQuestion, QaEntry, Rating
from gongkai.qa.tests.factories_qa import published_entry
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
UNKNOWN = "电动自行车在哪里上牌？"


def _ask(page, text: str) -> None:
    page.goto("/qa/")
    page.fill("#id_question", text)
    page.click("#qa-ask-form button[type=submit]")
    page.wait_for_selector("#qa-result")


def test_citizen_asks_rates_and_an_unknown_question_is_answered_by_staff(new_page):
    unit = Unit.objects.create(name="区住房城乡建设局", category="department")
    User.objects.create_user("zjj_staff", password="s3cret-pass!", role=Role.UNIT_STAFF,
                             unit=unit, display_name="住建局 联络员")
    published_entry(unit=unit, question="住房公积金怎么提取？",
                    answer="购房、租房、还贷可按规定提取住房公积金。", topic="housing")

    citizen = new_page()
    _ask(citizen, "住房公積金怎麼提取")
    assert "购房、租房、还贷可按规定提取住房公积金。" in citizen.inner_text("#qa-answer")
    citizen.click("button[name=useful][value='1']")
    citizen.wait_for_selector("text=感谢您的评价")
    assert Rating.objects.get().useful is True

    _ask(citizen, UNKNOWN)
    assert citizen.is_visible("#qa-not-found")
    assert PendingQuestion.objects.get().text == UNKNOWN

    staff = new_page()
    login(staff, "zjj_staff", "s3cret-pass!")
    staff.goto("/qa/staff/pending/")
    assert UNKNOWN in staff.inner_text("#qa-pending")
    staff.click("#qa-pending >> text=编写答复")
    assert staff.input_value("#id_question") == UNKNOWN
    staff.fill("#id_answer", "可到辖区指定的电动自行车登记点办理上牌。")
    staff.fill("#id_alternatives", "电动车上牌在哪里办")
    staff.select_option("#id_topic", "other")
    staff.click("#qa-entry-form button[type=submit]")
    staff.click("#qa-submit")
    staff.wait_for_selector("text=已提交审核")
    entry = QaEntry.objects.get(question=UNKNOWN)
    assert PendingQuestion.objects.get().entry == entry

    review = Review.objects.get(content_type=ContentType.objects.get_for_model(QaEntry),
                                object_id=entry.pk, status=ReviewStatus.OPEN)
    pass_every_level(review, entry)
    _ask(citizen, UNKNOWN)
    assert "电动自行车登记点" in citizen.inner_text("#qa-answer")


def test_staff_teach_the_library_a_phrasing_from_the_queue_and_it_answers_at_once(
        new_page):
    unit = Unit.objects.create(name="区教育局", category="department")
    User.objects.create_user("jyj_staff", password="s3cret-pass!", role=Role.UNIT_STAFF,
                             unit=unit, display_name="教育局 联络员")
    published_entry(unit=unit, question="转学怎么办理？", answer="向转入学校提出申请。",
                    topic="school")
    question = "孩子想换到隔壁区的学校读怎么搞"
    citizen = new_page()
    _ask(citizen, question)
    assert not citizen.is_visible("#qa-answer")

    staff = new_page()
    login(staff, "jyj_staff", "s3cret-pass!")
    staff.goto("/qa/staff/pending/")
    staff.click("#qa-pending >> text=学习（问法或同义词）")
    assert "孩子" in staff.inner_text("#qa-learn-question")
    staff.click("#qa-learn-matches >> text=加为该问答的问法")
    staff.wait_for_selector("text=立即生效")
    assert PendingQuestion.objects.get().status == "answered"

    _ask(citizen, question)
    assert "向转入学校提出申请。" in citizen.inner_text("#qa-answer")
