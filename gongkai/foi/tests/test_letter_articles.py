"""Letter by letter (issue 11, item 5): for each of the 21 outcome sub-codes (and both
cases of outcomes 1 and 4.1) and each notice, the generated text cites the article it
must and none it must not; every reply names the reconsideration body and the court
from the unit's settings and is dated with its decision date; the registration number
is shown as such and the letter's 文号 comes from the unit's own sequence."""
import datetime as dt
import io

import docx
import pytest

from gongkai.foi.codes import LetterKind, Outcome
from gongkai.foi.models import NumberingRule, PauseKind
from gongkai.foi.services.letters import letter_generate
from gongkai.foi.tests.factories import (
    ApplicationFactory,
    FeeFactory,
    PauseFactory,
    SupplementFactory,
)
from gongkai.orgs.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db
R = "《中华人民共和国政府信息公开条例》"

# case → (outcome, application fields, must cite, must not cite)
REPLIES = {
    "1-published": ("1", {"published_where": "区政府门户网站“计划规划”栏目"},
                    ["第三十六条第（一）项", "计划规划"], ["第三十六条第（二）项", "第十四条"]),
    "1-provided": ("1", {"provide_how": "现以电子邮件向您提供。"},
                   ["第三十六条第（二）项"], ["第三十六条第（一）项", "已经主动公开"]),
    "2": ("2", {"provide_how": "现以电子邮件向您提供可以公开的部分。"}, ["第三十七条"],
          ["第三十六条第（一）项", "第三十六条第（二）项"]),
    "3.1": ("3.1", {}, ["第十四条", "第三十六条第（三）项", "国家秘密"], ["第十五条", "第十六条"]),
    "3.2": ("3.2", {"legal_basis": "《中华人民共和国统计法》第三十九条"},
            ["第十四条", "统计法"], ["第十五条", "第十六条"]),
    "3.3": ("3.3", {}, ["第十四条", "社会稳定"], ["第十五条", "第十六条"]),
    "3.4": ("3.4", {}, ["第十五条", "第三十二条"], ["第十四条", "第十六条"]),
    "3.5": ("3.5", {}, ["第十六条第一款"], ["第十四条", "第十五条", "第十六条第二款"]),
    "3.6": ("3.6", {}, ["第十六条第二款", "过程性"], ["第十四条", "第十六条第一款"]),
    "3.7": ("3.7", {}, ["第十六条第二款", "行政执法案卷"], ["第十四条", "第十六条第一款"]),
    "3.8": ("3.8", {}, ["第三十六条第（七）项"], ["第十四条", "第十六条"]),
    "4.1-not-exist": ("4.1", {"reply_variant": "not_exist"}, ["第三十六条第（四）项", "不存在"],
                      ["第三十六条第（五）项", "不属于本机关负责公开"]),
    "4.1-not-ours": ("4.1", {"reply_variant": "not_ours", "other_agency": "区财政局",
                             "other_agency_contact": "020-82000000"},
                     ["第三十六条第（五）项", "区财政局", "020-82000000"],
                     ["第三十六条第（四）项", "不存在"]),
    "4.2": ("4.2", {}, ["第三十八条"], ["第三十六条第（四）项"]),
    "4.3": ("4.3", {}, ["第三十条", "2026年3月4日", "2026年3月9日"], ["第三十五条"]),
    "5.1": ("5.1", {}, ["第三十九条第一款"], ["第三十九条第二款"]),
    "5.2": ("5.2", {}, ["第三十六条第（六）项"], ["第三十九条"]),
    "5.3": ("5.3", {}, ["第三十九条第二款"], ["第三十九条第一款"]),
    "5.4": ("5.4", {}, ["第三十五条"], ["第三十九条"]),
    "5.5": ("5.5", {}, ["第三十八条"], ["第三十九条"]),
    "6.1": ("6.1", {}, ["第三十条", "2026年3月18日"], ["第四十二条"]),
    "6.2": ("6.2", {}, ["第四十二条", "109号"], ["第三十条"]),
    "6.3": ("6.3", {"legal_basis": "《广东省政务公开条例》有关规定"}, ["广东省政务公开条例"],
            ["第三十六条第（一）项"]),
}

NOTICES = {
    LetterKind.REGISTRATION: (["第三十一条", "第三十三条"], ["第三十六条"]),
    LetterKind.RECEIPT: (["第三十一条", "第三十三条", "第三十条"], ["第三十六条"]),
    LetterKind.SUPPLEMENT: (["第三十条"], ["第三十五条", "第三十六条"]),
    LetterKind.EXPLANATION: (["第三十五条"], ["第三十条", "第三十六条"]),
    LetterKind.EXTENSION: (["第三十三条第二款", "20个工作日"], ["第三十五条", "核对。，"]),
    LetterKind.THIRD_PARTY: (["第三十二条", "15个工作日"], ["第三十四条", "张小明"]),
    LetterKind.JOINT_AGENCY: (["第三十四条", "第三十三条第三款"], ["第三十二条"]),
    LetterKind.CO_HANDLING: (["第三十三条"], ["第三十六条"]),
    LetterKind.FEE: (["第四十二条", "109号", "次日起20个工作日", "第31至100页，每页10元",
                      "缴纳方式：凭缴款码缴入国库", "2026年3月9日"], ["第三十条"]),
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def unit():
    unit = UnitFactory(name="区发展改革局", short_name="发改")
    NumberingRule.objects.create(unit=unit, letter_pattern="{unit}依申复〔{year}〕{seq}号",
                                 reconsideration_body="广州市黄埔区人民政府",
                                 court="广州铁路运输法院", fee_payment="凭缴款码缴入国库。")
    return unit


def make(unit, **fields):
    application = ApplicationFactory(unit=unit, applicant_name="张小明",
                                     number="发改依申〔2026〕第0007号",
                                     received_on=dt.date(2026, 3, 2),
                                     extension_reason="所需信息涉及多个年度，需要核对。",
                                     **fields)
    SupplementFactory(application=application, requested_on=dt.date(2026, 3, 4),
                      reply_by=dt.date(2026, 3, 18), received_on=dt.date(2026, 3, 9),
                      items="请写明文件的年度。")
    PauseFactory(application=application, kind=PauseKind.THIRD_PARTY, party="某科技有限公司")
    PauseFactory(application=application, kind=PauseKind.AGENCY, party="区财政局")
    FeeFactory(application=application, basis="per_volume", quantity=250,
               calculated_yuan=4700, amount_yuan=4700, notice_on=dt.date(2026, 3, 6),
               notice_received_on=dt.date(2026, 3, 9), pay_by=dt.date(2026, 4, 7))
    return application


def text_of(letter) -> str:
    with letter.file.open("rb") as handle:
        document = docx.Document(io.BytesIO(handle.read()))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def test_every_outcome_sub_code_is_covered():
    assert {outcome for outcome, *_rest in REPLIES.values()} == set(Outcome.values)


@pytest.mark.parametrize("case", list(REPLIES))
def test_each_reply_cites_its_article_and_none_it_must_not(unit, case):
    outcome, fields, must, must_not = REPLIES[case]
    application = make(unit, outcome=outcome, status="replied",
                       replied_on=dt.date(2025, 12, 30), outcome_reasons="理由见上。",
                       **fields)
    letter = letter_generate(application=application, kind=LetterKind.REPLY, actor=None)
    text = text_of(letter)
    for article in must:
        assert article in text, (case, article)
    for article in must_not:
        assert article not in text, (case, article)
    # Every reply: the rights paragraph names the bodies of the unit's settings.
    assert "第五十一条" in text and "60日内向广州市黄埔区人民政府申请行政复议" in text
    assert "6个月内向广州铁路运输法院提起行政诉讼" in text
    # Dated with the decision, generated later: 2025, not the year it was generated.
    assert letter.dated_on == dt.date(2025, 12, 30) and "2025年12月30日" in text
    assert "登记编号：发改依申〔2026〕第0007号" in text
    assert letter.doc_number == "发改依申复〔2025〕1号" and letter.doc_number in text
    assert "{" not in text and "?" not in text


@pytest.mark.parametrize("kind", list(NOTICES))
def test_each_notice_cites_its_article_and_none_it_must_not(unit, kind):
    must, must_not = NOTICES[kind]
    application = make(unit, extended_on=dt.date(2026, 3, 20))
    letter = letter_generate(application=application, kind=kind, actor=None,
                             extra={"party": "某科技有限公司", "answer_by": dt.date(2026, 3, 25)})
    text = text_of(letter)
    for article in must:
        assert article in text, (kind, article)
    for article in must_not:
        assert article not in text, (kind, article)
    assert "{" not in text


def test_letters_are_dated_with_their_own_event_not_the_day_generated(unit):
    application = make(unit, extended_on=dt.date(2026, 3, 20))
    dates = {kind: letter_generate(application=application, kind=kind, actor=None).dated_on
             for kind in (LetterKind.SUPPLEMENT, LetterKind.EXTENSION, LetterKind.FEE)}
    assert dates == {LetterKind.SUPPLEMENT: dt.date(2026, 3, 4),
                     LetterKind.EXTENSION: dt.date(2026, 3, 20),
                     LetterKind.FEE: dt.date(2026, 3, 6)}


def test_without_a_letter_pattern_no_wenhao_is_printed(unit):
    NumberingRule.objects.filter(unit=unit).update(letter_pattern="")
    application = make(unit, outcome="5.2", status="replied", replied_on=dt.date(2026, 3, 20),
                       outcome_reasons="重复申请。")
    letter = letter_generate(application=application, kind=LetterKind.REPLY, actor=None)
    assert letter.doc_number == ""
    assert "登记编号：发改依申〔2026〕第0007号" in text_of(letter)


def test_the_letter_sequence_is_the_units_own_and_counts_up(unit):
    application = make(unit, extended_on=dt.date(2026, 3, 20))
    numbers = [letter_generate(application=application, kind=kind, actor=None).doc_number
               for kind in (LetterKind.SUPPLEMENT, LetterKind.EXTENSION)]
    assert numbers == ["发改依申复〔2026〕1号", "发改依申复〔2026〕2号"]
    receipt = letter_generate(application=application, kind=LetterKind.RECEIPT, actor=None)
    assert receipt.doc_number == ""  # forms and receipts carry no 文号
