import json
from io import StringIO

import pytest

from django.core.management import call_command

from gongkai.lexicon.services import term_variant_add
from gongkai.publishing.services import content_withdraw
from gongkai.qa.models import Outcome, PendingQuestion, PendingStatus, QuestionLog
from gongkai.qa.services.answering import answer_question
from gongkai.qa.services.entries import EntryData, entry_create
from gongkai.qa.services.settings import thresholds_set
from gongkai.qa.tests.factories_qa import QaEntryFactory, publish, published_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return [
        published_entry(question="生育津贴怎么申领？", alternatives=["产假工资找谁领"],
                        answer="由用人单位为职工申领生育津贴。", topic="birth"),
        published_entry(question="生育登记怎么办理？", answer="网上或到街道窗口办理。",
                        topic="birth"),
        published_entry(question="住房公积金怎么提取？", answer="购房、租房可提取。",
                        topic="housing"),
    ]


def test_close_question_gets_the_stored_answer_and_is_logged_without_personal_data(library):
    answer = answer_question(text="生育津贴怎麼申領")
    assert answer.answered and answer.best.id == library[0].pk
    log = QuestionLog.objects.get()
    assert log.text == "生育津贴怎么申领" and log.entry == library[0]
    assert log.outcome == Outcome.ANSWERED and answer.threshold <= log.confidence <= 1
    assert {f.name for f in QuestionLog._meta.fields} == {
        "id", "text", "entry", "confidence", "outcome", "asked_at"}


def test_below_the_threshold_the_closest_questions_are_offered(library, office_admin):
    thresholds_set(answer=0.99, suggest=0.01, actor=office_admin)
    answer = answer_question(text="生育的事情")
    assert answer.outcome == Outcome.SUGGESTED
    assert {m.id for m in answer.matches} >= {library[0].pk, library[1].pk}
    assert not PendingQuestion.objects.exists()


def test_nothing_close_says_so_and_queues_the_question_once(library):
    first = answer_question(text="电动自行车在哪里上牌？")
    assert first.outcome == Outcome.UNANSWERED and first.matches == []
    again = answer_question(text="电动自行车在哪里上牌？")
    pending = PendingQuestion.objects.get()
    assert pending.pk == first.pending.pk == again.pending.pk and pending.times_asked == 2


def test_drafts_never_answer_and_publishing_or_withdrawing_updates_the_index(office_admin):
    entry = QaEntryFactory(question="老年人优待证怎么办？", answer="向社区申请。")
    assert answer_question(text="老年人优待证怎么办", record=False).matches == []
    publish(entry)
    assert answer_question(text="老年人优待证怎么办", record=False).answered
    content_withdraw(obj=entry, actor=office_admin, reason="内容过时")
    assert answer_question(text="老年人优待证怎么办", record=False).matches == []


def test_a_new_lexicon_word_takes_effect_at_once(library, office_admin):
    before = answer_question(text="房子基金咋拿出来", record=False)
    assert not before.answered
    term_variant_add(canonical="住房公积金", variant="房子基金", actor=office_admin)
    answer = answer_question(text="房子基金咋拿出来", record=False)
    assert answer.best.id == library[2].pk and answer.best.confidence > before_best(before)


def before_best(answer) -> float:
    return answer.best.confidence if answer.best else 0.0


def test_chit_chat_is_recognised_logged_and_never_queued(library):
    answer = answer_question(text="今天天气怎么样")
    assert answer.outcome == Outcome.OUT_OF_SCOPE and answer.matches == []
    assert QuestionLog.objects.get().outcome == Outcome.OUT_OF_SCOPE
    assert not PendingQuestion.objects.exists()


def test_staff_answer_a_queued_question_with_an_entry_that_answers_it_after_review(
        library, unit_staff):
    queued = answer_question(text="电动自行车在哪里上牌？").pending
    entry = entry_create(data=EntryData(question="电动自行车在哪里上牌？",
                                        answer="到指定登记点办理。"),
                         unit=unit_staff.unit, actor=unit_staff, pending=queued)
    queued.refresh_from_db()
    assert queued.status == PendingStatus.ANSWERED and queued.entry == entry
    assert not answer_question(text="电动自行车在哪里上牌？", record=False).answered
    publish(entry, actor=unit_staff)
    answer = answer_question(text="电动自行车在哪里上牌？")
    assert answer.answered and answer.best.id == entry.pk
    assert PendingQuestion.objects.filter(status=PendingStatus.OPEN).count() == 0


def test_thresholds_out_of_order_are_refused(office_admin):
    from gongkai.core.errors import ApplicationError

    with pytest.raises(ApplicationError):
        thresholds_set(answer=0.3, suggest=0.5, actor=office_admin)


def test_qa_ask_prints_json_and_logs_nothing(library):
    out = StringIO()
    call_command("qa_ask", "住房公积金", "怎么提取", stdout=out)
    data = json.loads(out.getvalue())
    assert data["answered"] is True
    assert data["matches"][0] == {"id": library[2].pk, "question": "住房公积金怎么提取？",
                                  "score": data["matches"][0]["score"]}
    assert isinstance(data["matches"][0]["score"], float)
    assert not QuestionLog.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_phrasing_learnt_from_the_queue_is_found_by_another_connection_at_once():
    """The index lives in the database: a phrasing added from the queue of unanswered
    questions is found by any other worker (here a thread with its own connection) as
    soon as it is committed, with nothing rebuilt."""
    import threading

    from django.db import connection

    from gongkai.orgs.tests.factories import OfficeAdminFactory
    from gongkai.qa.models import QaPosting
    from gongkai.qa.services.answering import pending_question_queue
    from gongkai.qa.services.entries import entry_phrasing_add

    admin = OfficeAdminFactory(username="office_admin_t")
    entry = published_entry(question="住房公积金怎么提取？", answer="购房、租房可提取。")
    other = published_entry(question="生育津贴怎么申领？", answer="由单位申领。")
    others_rows = sorted(QaPosting.objects.filter(entry=other).values_list("pk", flat=True))
    pending = pending_question_queue(text="单位交的那个买房的钱咋弄出来")
    seen = {}

    def ask():
        try:
            seen["best"] = answer_question(text=pending.text, record=False).best
        finally:
            connection.close()

    entry_phrasing_add(entry=entry, text=pending.text, actor=admin, pending=pending)
    worker = threading.Thread(target=ask)
    worker.start()
    worker.join()
    assert seen["best"] is not None and seen["best"].id == entry.pk
    assert seen["best"].confidence >= 0.9
    assert sorted(QaPosting.objects.filter(entry=other).values_list("pk", flat=True)) \
        == others_rows
