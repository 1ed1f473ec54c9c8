import datetime
from decimal import Decimal

import pytest
import time_machine

from gongkai.orgs.tests.factories import UnitFactory, UserFactory
from gongkai.policies.models import DocumentKind, InterpretationForm, PolicyDocument, Validity
from gongkai.policies.selectors import (
    EXPIRED,
    effective_validity,
    same_day_interpretation_share,
    table_two,
    table_two_by_unit,
    with_validity,
)
from gongkai.policies.services import (
    decision_counts_set,
    document_amend,
    document_repeal,
    interpretation_create,
)
from gongkai.policies.tests.factories_policies import make_document, publish

pytestmark = pytest.mark.django_db
D = datetime.date


def interpret(document, on, author):
    interpretation = interpretation_create(
        document=document, form=InterpretationForm.TEXT, title=f"《{document.title}》解读",
        body_html="<p>解读</p>", author=author, unit=author.unit)
    return publish(interpretation, on)


def test_same_day_share_counts_interpretations_published_on_the_same_day():
    author = UserFactory()
    other_author = UserFactory()
    same = publish(make_document(author=author, title="甲", published=False), D(2024, 3, 1))
    interpret(same, D(2024, 3, 1), author)
    late = publish(make_document(author=author, title="乙", kind=DocumentKind.POLICY,
                                 published=False), D(2024, 3, 1))
    interpret(late, D(2024, 3, 2), author)
    publish(make_document(author=author, title="丙", published=False), D(2024, 5, 1))
    # Not counted: another year, a kind outside the measure, an unpublished interpretation.
    publish(make_document(author=author, title="丁", published=False), D(2023, 5, 1))
    publish(make_document(author=author, title="戊", kind=DocumentKind.ANNOUNCEMENT,
                          published=False), D(2024, 5, 1))
    draft_interpreted = publish(make_document(author=other_author, title="己",
                                              published=False), D(2024, 6, 1))
    interpretation_create(document=draft_interpreted, form=InterpretationForm.QA,
                          title="问答", media_url="https://example.org/qa",
                          author=other_author, unit=other_author.unit)
    rows = {u.pk: rest for u, *rest in same_day_interpretation_share(year=2024)}
    assert rows[author.unit_id] == [3, 1, pytest.approx(1 / 3)]
    assert rows[other_author.unit_id] == [1, 0, 0.0]
    quiet = UnitFactory()
    assert same_day_interpretation_share(year=2024, unit=quiet) == [(quiet, 0, 0, None)]


def test_table_two_matches_hand_counts():
    author = UserFactory()
    unit = author.unit

    def doc(title, kind, on, **kw):
        return publish(make_document(author=author, title=title, kind=kind, published=False,
                                     **kw), on)

    old = doc("旧规范性文件", DocumentKind.NORMATIVE, D(2020, 1, 1))
    repealed_this_year = doc("本年废止", DocumentKind.NORMATIVE, D(2021, 1, 1))
    repealed_next_year = doc("明年废止", DocumentKind.NORMATIVE, D(2021, 6, 1))
    doc("本年制发", DocumentKind.NORMATIVE, D(2024, 2, 1))
    doc("本年失效", DocumentKind.NORMATIVE, D(2019, 2, 1), expires_on=D(2024, 6, 30))
    amended = doc("本年修改", DocumentKind.REGULATION, D(2022, 2, 1))
    doc("本年规章", DocumentKind.REGULATION, D(2024, 3, 1))
    doc("其他文件不计", DocumentKind.POLICY, D(2024, 3, 1))
    make_document(author=author, title="草稿不计", published=False)
    repealer = doc("废止决定", DocumentKind.POLICY, D(2024, 9, 1))
    next_year_repealer = doc("明年的废止决定", DocumentKind.POLICY, D(2025, 1, 5))
    document_repeal(document=repealed_this_year, by=repealer, actor=author)
    document_repeal(document=repealed_next_year, by=next_year_repealer, actor=author)
    document_amend(document=amended, by=repealer, actor=author)
    decision_counts_set(unit=unit, year=2024, licensing=120, penalty=35, enforcement=4,
                        fees_wan_yuan="12.5", actor=author)
    decision_counts_set(unit=UnitFactory(), year=2024, licensing=1, penalty=0, enforcement=0,
                        fees_wan_yuan=0.25, actor=author)
    decision_counts_set(unit=unit, year=2023, licensing=999, penalty=0, enforcement=0,
                        fees_wan_yuan=0, actor=author)
    table = table_two(year=2024)
    # normative: made 1 (本年制发); repealed 1; in force: 旧, 明年废止, 本年制发 = 3
    assert table["normative"] == {"made": 1, "repealed": 1, "in_force": 3}
    # regulation: made 1; amended still in force: 2
    assert table["regulation"] == {"made": 1, "repealed": 0, "in_force": 2}
    assert (table["licensing"], table["penalty"], table["enforcement"]) == (121, 35, 4)
    assert table["fees_wan_yuan"] == Decimal("12.75")
    assert old.pk  # kept in force throughout
    rows = dict(table_two_by_unit(year=2024))
    assert rows[unit]["licensing"] == 120
    assert table_two(year=2024, unit=unit)["licensing"] == 120


def test_table_two_reads_a_constant_number_of_queries(django_assert_num_queries):
    author = UserFactory()
    for n in range(5):
        publish(make_document(author=UserFactory(), title=f"文件{n}", published=False),
                D(2024, 1, n + 1))
        decision_counts_set(unit=UnitFactory(), year=2024, licensing=n, penalty=0,
                            enforcement=0, fees_wan_yuan=0, actor=author)
    with django_assert_num_queries(2):
        table_two(year=2024)
    with django_assert_num_queries(3):
        table_two_by_unit(year=2024)
    with django_assert_num_queries(2):
        same_day_interpretation_share(year=2024)


def test_expired_is_derived_on_the_day_it_is_read():
    document = make_document(title="有效期文件", expires_on=D(2030, 6, 30))
    with time_machine.travel(datetime.datetime(2030, 6, 30, 12, tzinfo=datetime.UTC)):
        assert effective_validity(document) == Validity.VALID
        assert with_validity(PolicyDocument.objects.filter(pk=document.pk)).get(
        ).current_validity == Validity.VALID
    with time_machine.travel(datetime.datetime(2030, 7, 1, 12, tzinfo=datetime.UTC)):
        assert effective_validity(document) == EXPIRED
        assert with_validity(PolicyDocument.objects.filter(pk=document.pk)).get(
        ).current_validity == EXPIRED
    document.refresh_from_db()
    assert document.validity == Validity.VALID  # nothing was stored


def test_repealed_stays_repealed_after_its_expiry_date():
    author = UserFactory()
    document = make_document(author=author, title="已废止文件", expires_on=D(2000, 1, 1))
    repealer = make_document(author=author, title="废止决定")
    document_repeal(document=document, by=repealer, actor=author)
    assert effective_validity(document, D(2024, 1, 1)) == Validity.REPEALED
