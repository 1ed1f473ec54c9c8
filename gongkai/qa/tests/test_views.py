import pytest

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from gongkai.lexicon.models import TermGroup
from gongkai.orgs.tests.factories import OfficeAdminFactory
from gongkai.qa.models import PendingQuestion, QaEntry, QaSettings, QuestionLog, Rating
from gongkai.qa.tests.factories_qa import QaEntryFactory, published_entry
from gongkai.qa.views.public import ASK_LIMIT

pytestmark = pytest.mark.django_db
HOSTILE = "<script>alert('x')</script>社保"


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


@pytest.fixture
def entry():
    return published_entry(question="住房公积金怎么提取？", answer="购房、租房可<b>提取</b>。",
                           sources="演示依据一")


def _ask(client, text):
    return client.post(reverse("qa:ask"), {"question": text})


def test_public_question_in_traditional_gets_the_answer_with_sources(entry):
    response = _ask(Client(), "住房公積金怎麼提取")
    html = response.content.decode()
    assert response.status_code == 200 and 'id="qa-answer"' in html
    assert "购房、租房可&lt;b&gt;提取&lt;/b&gt;。" in html and "演示依据一" in html
    assert "这条答复对您有帮助吗" in html


def test_hostile_question_is_stored_and_shown_escaped(entry):
    html = _ask(Client(), HOSTILE).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    pending = PendingQuestion.objects.get()
    assert pending.text == HOSTILE
    admin = OfficeAdminFactory()
    client = Client()
    client.force_login(admin)
    staff_html = client.get(reverse("qa:staff_pending")).content.decode()
    assert "<script>alert" not in staff_html and "&lt;script&gt;" in staff_html


def test_oversized_question_is_refused_and_not_logged(entry):
    response = _ask(Client(), "问" * 201)
    assert response.status_code == 400 and not QuestionLog.objects.exists()


def test_asking_is_rate_limited_per_address(entry):
    client = Client()
    for _i in range(ASK_LIMIT):
        _ask(client, "住房公积金怎么提取")
    response = _ask(client, "住房公积金怎么提取")
    assert response.status_code == 400 and "提问过于频繁" in response.content.decode()
    assert QuestionLog.objects.count() == ASK_LIMIT


def test_a_shown_answer_can_be_rated_once(entry):
    client = Client()
    _ask(client, "住房公积金怎么提取")
    log = QuestionLog.objects.get()
    data = {"log": log.pk, "entry": entry.pk, "useful": "0"}
    assert client.post(reverse("qa:rate"), data).status_code == 302
    client.post(reverse("qa:rate"), {**data, "useful": "1"})
    rating = Rating.objects.get()
    assert rating.useful is False and rating.entry == entry


def test_answers_not_shown_to_this_visitor_cannot_be_rated(entry):
    _ask(Client(), "住房公积金怎么提取")
    log = QuestionLog.objects.get()
    stranger = Client()
    response = stranger.post(reverse("qa:rate"), {"log": log.pk, "entry": entry.pk,
                                                  "useful": "0"})
    assert response.status_code == 404 and not Rating.objects.exists()


def test_unpublished_entries_are_not_on_the_public_site():
    draft = QaEntryFactory()
    assert Client().get(reverse("qa:entry", args=[draft.pk])).status_code == 404


def test_office_statistics_show_most_asked_least_answered_and_worst_rated(
        entry, client_for, office_admin, unit_staff):
    client = Client()
    for text in ("住房公积金怎么提取", "住房公积金怎么提取", "电动车上牌"):
        _ask(client, text)
    log = QuestionLog.objects.filter(entry=entry).first()
    client.post(reverse("qa:rate"), {"log": log.pk, "entry": entry.pk, "useful": "0"})
    html = client_for(office_admin).get(reverse("qa:staff_stats")).content.decode()
    assert "住房公积金怎么提取" in html and "电动车上牌" in html
    assert html.index("qa-worst-rated") < html.rindex("住房公积金怎么提取？")
    assert client_for(unit_staff).get(reverse("qa:staff_stats")).status_code == 403


def test_units_never_see_or_change_another_units_unpublished_entries(
        client_for, unit_staff, other_unit_staff):
    draft = QaEntryFactory(unit=other_unit_staff.unit)
    client = client_for(unit_staff)
    for name in ("qa:staff_entry", "qa:staff_entry_edit"):
        assert client.get(reverse(name, args=[draft.pk])).status_code == 404
    assert client.post(reverse("qa:staff_entry_submit", args=[draft.pk])).status_code == 404
    assert draft.question not in client.get(reverse("qa:staff_entries")).content.decode()
    own = client_for(other_unit_staff).get(reverse("qa:staff_entry", args=[draft.pk]))
    assert own.status_code == 200


def test_another_units_published_entry_is_readable_but_not_editable(
        client_for, unit_staff, other_unit_staff):
    published = published_entry(unit=other_unit_staff.unit)
    client = client_for(unit_staff)
    assert client.get(reverse("qa:staff_entry", args=[published.pk])).status_code == 200
    assert client.get(reverse("qa:staff_entry_edit", args=[published.pk])).status_code == 403


def test_staff_pages_need_staff(client_for, supervisor):
    for name in ("qa:staff_entries", "qa:staff_test", "qa:staff_pending", "qa:staff_import"):
        assert client_for(supervisor).get(reverse(name)).status_code == 403
        assert Client().get(reverse(name)).status_code == 302


def test_only_the_office_tunes_thresholds(client_for, unit_staff, office_admin):
    data = {"answer_threshold": "0.8", "suggest_threshold": "0.2"}
    assert client_for(unit_staff).post(reverse("qa:staff_tuning"), data).status_code == 403
    assert client_for(office_admin).post(reverse("qa:staff_tuning"), data).status_code == 302
    assert QaSettings.objects.get().answer_threshold == 0.8
    bad = client_for(office_admin).post(reverse("qa:staff_tuning"), {
        "answer_threshold": "0.2", "suggest_threshold": "0.5"})
    assert bad.status_code == 400 and "阈值须满足" in bad.content.decode()


def test_staff_test_page_shows_the_expansions_applied_and_each_match(entry, client_for,
                                                                    unit_staff):
    html = client_for(unit_staff).get(reverse("qa:staff_test"),
                                      {"question": "公基金咋提取"}).content.decode()
    assert "qa-explain" in html and "BM25" in html
    assert "公基金→公积金" in html and "公基金→住房公积金" in html
    assert not QuestionLog.objects.exists()


def test_staff_test_page_orders_matches_by_the_rank_score_it_shows(client_for, unit_staff):
    """The matches are listed by their ranking score, which is shown and labelled; the
    confidence beside it (which also counts the margin over the next entry) decides the
    answer, and a match held back to a suggestion says why."""
    import re

    for question in ("身份证丢了怎么补办？", "毕业证丢了怎么补办？", "营业执照丢了怎么补？",
                     "退休证丢了怎么补？"):
        published_entry(question=question, answer="携带有关材料到窗口补办。")
    html = client_for(unit_staff).get(reverse("qa:staff_test"),
                                      {"question": "户口本弄丢了怎么补办"}).content.decode()
    ranks = [float(r) for r in re.findall(r'class="qa-rank">排序得分 ([0-9.]+)<', html)]
    shown = [float(c) for c in re.findall(r"<strong>置信度 ([0-9.]+)</strong>", html)]
    assert len(ranks) == html.count('class="card qa-explain"') == len(shown) >= 2
    assert ranks == sorted(ranks, reverse=True)
    assert 'id="qa-order"' in html and "以下按排序得分从高到低排列" in html
    assert "<strong>推荐相近问题</strong>" in html and "只作推荐：问的是另一种证件" in html


def test_staff_create_entry_for_a_queued_question_from_the_queue(client_for, unit_staff):
    _ask(Client(), "电动自行车在哪里上牌？")
    pending = PendingQuestion.objects.get()
    client = client_for(unit_staff)
    url = reverse("qa:staff_entry_new") + f"?pending={pending.pk}"
    assert "电动自行车在哪里上牌" in client.get(url).content.decode()
    response = client.post(url, {"question": "电动自行车在哪里上牌？", "answer": "到登记点办理。",
                                 "topic": "other", "alternatives": "电动车上牌\n电动车挂牌"})
    entry = QaEntry.objects.get()
    assert response.status_code == 302 and entry.alternatives == ["电动车上牌", "电动车挂牌"]
    pending.refresh_from_db()
    assert pending.entry == entry and pending.status == "answered"


def test_unit_staff_see_queued_questions_of_their_unit_or_unassigned_only(
        client_for, unit_staff, other_unit_staff):
    PendingQuestion.objects.create(text="甲单位的问题", key="甲", unit=unit_staff.unit)
    PendingQuestion.objects.create(text="乙单位的问题", key="乙", unit=other_unit_staff.unit)
    PendingQuestion.objects.create(text="未指派的问题", key="丙")
    html = client_for(unit_staff).get(reverse("qa:staff_pending")).content.decode()
    assert "甲单位的问题" in html and "未指派的问题" in html and "乙单位的问题" not in html


def test_import_page_shows_row_errors(client_for, unit_staff):
    from gongkai.qa.tests.test_import import _xlsx

    response = client_for(unit_staff).post(reverse("qa:staff_import"), {
        "file": _xlsx([["", "", "答复", "住房", "", ""]])})
    assert response.status_code == 400 and "第2行" in response.content.decode()
    template = client_for(unit_staff).get(reverse("qa:staff_import_template"))
    assert template.status_code == 200 and template.content[:2] == b"PK"


def test_a_queued_question_becomes_a_phrasing_of_an_entry_in_one_step(entry, client_for,
                                                                     office_admin):
    _ask(Client(), "单位交的那个买房的钱咋弄出来")
    pending = PendingQuestion.objects.get()
    client = client_for(office_admin)
    page = client.get(reverse("qa:staff_pending_learn", args=[pending.pk])).content.decode()
    assert "单位交的那个买房的钱咋弄出来" in page
    response = client.post(reverse("qa:staff_pending_learn", args=[pending.pk]),
                           {"action": "phrasing", "entry": entry.pk})
    assert response.status_code == 302
    entry.refresh_from_db()
    pending.refresh_from_db()
    assert entry.alternatives[-1] == "单位交的那个买房的钱咋弄出来"
    assert pending.status == "answered" and pending.entry == entry
    again = _ask(Client(), "单位交的那个买房的钱咋弄出来").content.decode()
    assert 'id="qa-answer"' in again


def test_a_phrasing_with_personal_data_is_refused_and_nothing_changes(entry, client_for,
                                                                     office_admin):
    from gongkai.qa.services.answering import pending_question_queue

    pending = pending_question_queue(text="我电话13912345678公积金提不出来")
    client_for(office_admin).post(reverse("qa:staff_pending_learn", args=[pending.pk]),
                                  {"action": "phrasing", "entry": entry.pk})
    entry.refresh_from_db()
    pending.refresh_from_db()
    assert entry.alternatives == [] and pending.status == "open"


def test_a_unit_may_not_add_phrasings_to_another_units_entry(entry, client_for, unit_staff):
    _ask(Client(), "单位交的那个买房的钱咋弄出来")
    pending = PendingQuestion.objects.get()
    response = client_for(unit_staff).post(
        reverse("qa:staff_pending_learn", args=[pending.pk]),
        {"action": "phrasing", "entry": entry.pk})
    entry.refresh_from_db()
    assert response.status_code == 403 and entry.alternatives == []


def test_a_word_from_a_queued_question_joins_the_lexicon_and_answers_it(entry, client_for,
                                                                       office_admin):
    # (房子基金 is now read as 住房公积金 through the slip 基金 → 积金 and suggested.)
    _ask(Client(), "买房存的那份钱咋拿出来")
    pending = PendingQuestion.objects.get()
    response = client_for(office_admin).post(
        reverse("qa:staff_pending_learn", args=[pending.pk]),
        {"action": "synonym", "variant": "买房存的那份钱", "canonical": "住房公积金"})
    assert response.status_code == 302
    assert "买房存的那份钱" in TermGroup.objects.get(canonical="住房公积金").variants
    pending.refresh_from_db()
    assert pending.status == "answered" and pending.entry == entry


def test_chit_chat_on_the_public_page_says_what_the_library_is_for(entry):
    html = _ask(Client(), "你好").content.decode()
    assert 'id="qa-out-of-scope"' in html and not PendingQuestion.objects.exists()


def test_thanks_and_goodbye_get_a_reply_of_their_own_and_reach_no_unit(entry):
    """A resident who thanks the assistant, or says goodbye, is answered as one would
    answer them — not told what the library is for — and nothing is queued."""
    thanks = _ask(Client(), "谢谢你啊，帮大忙了👍").content.decode()
    assert 'id="qa-thanks"' in thanks and 'id="qa-out-of-scope"' not in thanks
    goodbye = _ask(Client(), "拜拜，下次再来问").content.decode()
    assert 'id="qa-farewell"' in goodbye and 'id="qa-out-of-scope"' not in goodbye
    assert not PendingQuestion.objects.exists()
    # Thanks followed by a question is a question: this library does not cover it,
    # so it goes to the units' queue.
    question = _ask(Client(), "谢谢，再问一下转学怎么办理").content.decode()
    assert 'id="qa-thanks"' not in question and 'id="qa-not-found"' in question
    assert PendingQuestion.objects.count() == 1


def test_staff_test_page_shows_a_dialect_question_read_as_mandarin_and_a_compound(
        client_for, unit_staff):
    """Staff see how a question was read: 喺边度 as 在哪里, 撤 as 撤回 (单字补全)."""
    published_entry(question="信息公开申请能撤回吗？", answer="可以撤回。")
    html = client_for(unit_staff).get(reverse("qa:staff_test"),
                                      {"question": "信息公开申请喺边度撤"}).content.decode()
    assert "信息公开申请在哪里撤" in html
    assert "撤→撤回（单字补全" in html


def test_staff_test_page_shows_a_lexicon_phrase_said_apart(client_for, unit_staff):
    """Staff see that 社保能转过来 was read as the lexicon's 转社保 (分开说)."""
    from gongkai.lexicon.services import term_variant_add

    term_variant_add(canonical="社保转移", variant="转社保", actor=None)
    published_entry(question="社保转移怎么办理？", answer="到社保窗口办理。")
    html = client_for(unit_staff).get(reverse("qa:staff_test"),
                                      {"question": "社保能转过来吗"}).content.decode()
    assert "转社保→社保转移（词库·分开说" in html
