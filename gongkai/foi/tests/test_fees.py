"""The fee tiers of 国办函〔2020〕109号: worked checks, band edges, command, bad input."""
import datetime as dt
import json
from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from gongkai.foi.fees import (
    applications_in_month,
    fee_for_application,
    quote_per_application,
    quote_per_volume,
)
from gongkai.foi.models import FeeBasis
from gongkai.foi.tests.factories import ApplicationFactory


def test_worked_check_45_applications_in_a_month_cost_5500_yuan():
    quote = quote_per_application(45)
    assert quote.yuan == 5500
    assert [(b["from"], b["to"], b["count"], b["unit_yuan"], b["yuan"]) for b in quote.bands] == [
        (1, 10, 10, 0, 0), (11, 30, 20, 100, 2000), (31, 40, 10, 200, 2000),
        (41, 45, 5, 300, 1500)]


def test_worked_check_250_pages_cost_4700_yuan():
    quote = quote_per_volume(250)
    assert quote.yuan == 4700
    assert [b["yuan"] for b in quote.bands] == [0, 700, 2000, 2000]


@pytest.mark.parametrize(("n", "yuan"), [
    (0, 0), (1, 0), (10, 0), (11, 100), (30, 2000), (31, 2200), (40, 4000), (41, 4300),
    (50, 7000), (51, 7400), (60, 11000), (61, 11500),
])
def test_per_application_band_edges(n, yuan):
    assert quote_per_application(n).yuan == yuan


@pytest.mark.parametrize(("pages", "yuan"), [
    (0, 0), (1, 0), (30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (201, 2740),
])
def test_per_volume_band_edges(pages, yuan):
    assert quote_per_volume(pages).yuan == yuan


def test_one_notice_per_application_charges_the_rate_of_its_band():
    assert fee_for_application(basis=FeeBasis.PER_APPLICATION, quantity=10) == 0
    assert fee_for_application(basis=FeeBasis.PER_APPLICATION, quantity=11) == 100
    assert fee_for_application(basis=FeeBasis.PER_APPLICATION, quantity=45) == 300
    assert fee_for_application(basis=FeeBasis.PER_APPLICATION, quantity=51) == 400
    assert fee_for_application(basis=FeeBasis.PER_VOLUME, quantity=250) == 4700


@pytest.mark.parametrize("bad", [-1, 1.5, "3", True, 10**9])
def test_the_calculator_refuses_what_is_not_a_sensible_count(bad):
    with pytest.raises(ValueError):
        quote_per_volume(bad)


def run(*args) -> dict:
    out = StringIO()
    call_command("foi_fee", *args, stdout=out)
    return json.loads(out.getvalue())


def test_command_prints_the_json_the_issue_names():
    assert run("--applications-in-month", "45")["yuan"] == 5500
    result = run("--pages", "250")
    assert result["yuan"] == 4700
    assert set(result["bands"][0]) == {"from", "to", "count", "unit_yuan", "yuan"}


@pytest.mark.parametrize("args", [
    ("--pages", "abc"), ("--pages", "-3"), ("--pages", "２５０"), ("--pages", "1e3"),
    ("--applications-in-month", "99999999999"),
])
def test_command_refuses_bad_input_in_chinese(args):
    with pytest.raises(CommandError, match="无效|过大"):
        call_command("foi_fee", *args)


def test_command_needs_exactly_one_basis():
    with pytest.raises(CommandError):
        call_command("foi_fee")
    with pytest.raises(CommandError):
        call_command("foi_fee", "--pages", "3", "--applications-in-month", "3")


@pytest.mark.django_db
def test_applications_in_month_counts_one_applicant_at_one_unit():
    first = ApplicationFactory(received_on=dt.date(2026, 3, 2))
    ApplicationFactory(unit=first.unit, received_on=dt.date(2026, 3, 31))
    ApplicationFactory(unit=first.unit, received_on=dt.date(2026, 4, 1))
    ApplicationFactory(received_on=dt.date(2026, 3, 5))  # another unit
    ApplicationFactory(unit=first.unit, received_on=dt.date(2026, 3, 6),
                       id_number="110105194912310037")
    assert applications_in_month(id_number=first.id_number.lower(), unit=first.unit,
                                 month=dt.date(2026, 3, 15)) == 2
