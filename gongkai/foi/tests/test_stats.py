"""Annual-report tables 三 and 四 computed from applications and appeals."""
import datetime as dt

import pytest

from gongkai.foi.codes import AppealKind, AppealResult, ApplicantType
from gongkai.foi.selectors.stats import (
    CARRIED,
    CLOSED,
    FORWARD,
    NEW,
    TOTAL,
    check_consistency,
    table_four,
    table_three,
)
from gongkai.foi.services.appeals import appeal_decide
from gongkai.foi.tests.factories import AppealFactory, PendingApplicationFactory
from gongkai.foi.tests.factories_stats import replied, still_open
from gongkai.orgs.tests.factories import UnitFactory

D = dt.date
NATURAL = ApplicantType.NATURAL_PERSON.value
COMMERCIAL = ApplicantType.COMMERCIAL.value
LAW_FIRM = ApplicantType.LEGAL_SERVICE.value

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return UnitFactory(name="区测试局")


def wuhan_year(unit, year=2022):
    """A Wuhan district office's 2022 table 三 (annual-report.md): 8 new, all natural
    persons; 2 予以公开, 2 部分公开, 1 (三)6, 2 (四)1, 1 (六)3; 0 carried forward."""
    outcomes = ["1", "1", "2", "2", "3.6", "4.1", "4.1", "6.3"]
    for i, outcome in enumerate(outcomes):
        replied(unit=unit, received_on=D(year, 2 + i, 3), replied_on=D(year, 2 + i, 20),
                outcome=outcome)


def column(table, row_key, col=TOTAL):
    return table.row(row_key).values[col]


def test_the_wuhan_example_is_reproduced_row_by_row(unit):
    wuhan_year(unit)
    table = table_three(year=2022, unit=unit)
    assert column(table, NEW) == 8
    assert column(table, NEW, NATURAL) == 8
    assert column(table, NEW, COMMERCIAL) == 0
    assert column(table, CARRIED) == 0
    expected = {"1": 2, "2": 2, "3.6": 1, "4.1": 2, "6.3": 1}
    for row in table.rows:
        if row.section and row.key != CLOSED:
            assert row.values[TOTAL] == expected.get(row.key, 0), row.key
            assert row.values[NATURAL] == expected.get(row.key, 0), row.key
    assert column(table, CLOSED) == 8
    assert column(table, FORWARD) == 0
    assert check_consistency(table) == []


def test_rows_and_columns_carry_the_templates_labels(unit):
    table = table_three(year=2022, unit=unit)
    labels = [r.label for r in table.rows]
    assert labels[0] == "一、本年新收政府信息公开申请数量"
    assert labels[1] == "二、上年结转政府信息公开申请数量"
    assert labels[-2] == "（七）总计"
    assert labels[-1] == "四、结转下年度继续办理"
    assert table.row("3.6").group == "（三）不予公开"
    assert table.row("3.6").label == "6.属于四类过程性信息"
    assert table.row("6.1").label.startswith("1.申请人无正当理由逾期不补正")
    assert len(table.rows) == 2 + 21 + 1 + 1
    assert [c.label for c in table.columns] == [
        "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert {c.group for c in table.columns[1:6]} == {"法人或其他组织"}


def test_applications_are_carried_in_from_last_year_and_forward_to_next(unit):
    # Received last December, replied this January: carried in and closed this year.
    replied(unit=unit, received_on=D(2021, 12, 20), replied_on=D(2022, 1, 10),
            applicant_type=COMMERCIAL, outcome="2")
    # Received last year and still open a year later: carried in and carried forward.
    still_open(unit=unit, received_on=D(2021, 11, 1), applicant_type=LAW_FIRM)
    # Received this December, replied next January: carried forward.
    replied(unit=unit, received_on=D(2022, 12, 25), replied_on=D(2023, 1, 9))
    # Received on the last day, still open: carried forward.
    still_open(unit=unit, received_on=D(2022, 12, 31))
    # Outside the year on both sides, or never received: not counted.
    replied(unit=unit, received_on=D(2021, 6, 1), replied_on=D(2021, 12, 31))
    still_open(unit=unit, received_on=D(2023, 1, 1))
    PendingApplicationFactory(unit=unit)

    table = table_three(year=2022, unit=unit)
    assert column(table, NEW) == 2 and column(table, NEW, NATURAL) == 2
    assert column(table, CARRIED) == 2
    assert column(table, CARRIED, COMMERCIAL) == 1 and column(table, CARRIED, LAW_FIRM) == 1
    assert column(table, CLOSED) == 1 and column(table, "2", COMMERCIAL) == 1
    assert column(table, FORWARD) == 3
    assert column(table, FORWARD, LAW_FIRM) == 1 and column(table, FORWARD, NATURAL) == 2
    assert check_consistency(table) == []

    next_year = table_three(year=2023, unit=unit)
    assert column(next_year, CARRIED) == column(table, FORWARD)
    assert column(next_year, NEW) == 1
    assert check_consistency(next_year) == []


def test_a_unit_counts_only_its_own_applications_and_the_district_counts_all(unit):
    wuhan_year(unit)
    other = UnitFactory()
    replied(unit=other, received_on=D(2022, 5, 5), replied_on=D(2022, 5, 6),
            applicant_type=COMMERCIAL)
    assert column(table_three(year=2022, unit=other), NEW) == 1
    district = table_three(year=2022)
    assert district.unit is None
    assert column(district, NEW) == 9 and column(district, "1", COMMERCIAL) == 1
    assert check_consistency(district) == []


def test_each_table_is_one_query_whatever_the_number_of_applications(
        unit, django_assert_num_queries):
    wuhan_year(unit)
    with django_assert_num_queries(1):
        table_three(year=2022, unit=unit)
    for i in range(30):
        still_open(unit=unit, received_on=D(2022, 6, 1 + i % 28),
                   applicant_type=ApplicantType.values[i % 6])
    with django_assert_num_queries(1):
        table = table_three(year=2022)
    assert column(table, FORWARD) == 30
    with django_assert_num_queries(1):
        table_four(year=2022)


def test_a_deliberately_broken_table_is_reported_column_by_column(unit):
    wuhan_year(unit)
    table = table_three(year=2022, unit=unit)
    table.row(NEW).values[NATURAL] += 1
    table.row(NEW).values[TOTAL] += 1
    table.row("3.6").values[COMMERCIAL] += 1
    problems = check_consistency(table)
    assert any(p.startswith("“自然人”列") and "（9）" in p and "（8）" in p for p in problems)
    assert any(p.startswith("“总计”列") for p in problems)
    assert any(p.startswith("“商业企业”列：（七）总计（0）") for p in problems)
    assert any("6.属于四类过程性信息" in p and "各类申请人" in p for p in problems)
    assert not any(p.startswith("“科研机构”列") for p in problems)


def test_a_reply_without_an_outcome_breaks_the_rule_instead_of_vanishing(unit):
    replied(unit=unit, received_on=D(2022, 3, 1), replied_on=D(2022, 3, 2), outcome="9")
    problems = check_consistency(table_three(year=2022, unit=unit))
    assert problems == ["“自然人”列：（七）总计（1）不等于（一）至（六）各项之和（0）。",
                        "“总计”列：（七）总计（1）不等于（一）至（六）各项之和（0）。"]


def test_table_four_counts_cases_filed_in_the_year_with_their_result_at_year_end(unit):
    app = replied(unit=unit, received_on=D(2022, 1, 4), replied_on=D(2022, 1, 20))
    AppealFactory(application=app, kind=AppealKind.RECONSIDERATION, filed_on=D(2022, 3, 1),
                  result=AppealResult.UPHELD, decided_on=D(2022, 5, 1))
    AppealFactory(application=app, kind=AppealKind.LITIGATION_AFTER, filed_on=D(2022, 6, 1))
    # Filed in December, decided next year: 尚未审结 in the year filed (cut-off 12月31日),
    # and reported with its result the next year.
    AppealFactory(application=app, kind=AppealKind.LITIGATION_DIRECT,
                  filed_on=D(2022, 12, 20), result=AppealResult.CORRECTED,
                  decided_on=D(2023, 2, 1))
    AppealFactory(application=app, kind=AppealKind.RECONSIDERATION, filed_on=D(2023, 1, 3))
    other_unit_app = replied(unit=UnitFactory(), received_on=D(2022, 1, 4),
                             replied_on=D(2022, 1, 5))
    AppealFactory(application=other_unit_app, filed_on=D(2022, 4, 4))

    table = table_four(year=2022, unit=unit)
    assert table.numbers() == [1, 0, 0, 0, 1,  0, 0, 0, 1, 1,  0, 0, 0, 1, 1]
    assert [b.full_label for b in table.blocks] == [
        "行政复议", "行政诉讼 未经复议直接起诉", "行政诉讼 复议后起诉"]
    assert table_four(year=2022).block(AppealKind.RECONSIDERATION).values[TOTAL] == 2
    assert table_four(year=2023, unit=unit).numbers() == [
        0, 0, 0, 1, 1,  0, 1, 0, 0, 1,  0, 0, 0, 0, 0]


def test_table_four_of_a_past_year_does_not_change_when_an_appeal_is_decided_later(unit):
    app = replied(unit=unit, received_on=D(2022, 1, 4), replied_on=D(2022, 1, 20))
    appeal = AppealFactory(application=app, kind=AppealKind.RECONSIDERATION,
                           filed_on=D(2022, 11, 2))
    before = table_four(year=2022, unit=unit).numbers()
    appeal_decide(appeal=appeal, result=AppealResult.UPHELD, decided_on=D(2023, 3, 1),
                  note="", actor=None)
    assert table_four(year=2022, unit=unit).numbers() == before == [
        0, 0, 0, 1, 1] + [0] * 10
    assert table_four(year=2023, unit=unit).numbers()[:5] == [1, 0, 0, 0, 1]
    # Still undecided after two years: reported once, as pending, in the year filed.
    AppealFactory(application=app, kind=AppealKind.RECONSIDERATION, filed_on=D(2021, 6, 1))
    assert table_four(year=2022, unit=unit).numbers()[:5] == [0, 0, 0, 1, 1]
