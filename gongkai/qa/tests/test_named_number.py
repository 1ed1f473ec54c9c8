"""A number alone that the office's lexicon names (12345, the citizens' hotline) is asked
about as a service, not recognised as a sum to work out (1+1) or a bare quantity."""
import pytest

from gongkai.lexicon.models import TermGroup
from gongkai.qa.retrieval.query import parse
from gongkai.qa.retrieval.search import search
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def hotline():
    TermGroup.objects.update_or_create(
        canonical="12345", defaults={"kind": "synonym", "variants": ["政务服务热线", "市民热线"]})
    entry = published_entry(question="政务服务热线能办什么？", answer="咨询、投诉、求助均可。")
    published_entry(question="心理咨询电话是多少？", answer="拨打心理援助电话。")
    return entry


@pytest.mark.parametrize("text", ["12345", "12345？", " 12345 "])
def test_the_hotline_number_alone_finds_the_hotline_entry(hotline, text):
    query, hits = search(text)
    assert query.scope == ""
    assert hits and hits[0].id == hotline.pk


@pytest.mark.parametrize("text", ["1+1", "12315", "123？", "3000"])
def test_a_sum_or_a_number_the_lexicon_does_not_name_stays_arithmetic(hotline, text):
    query, hits = search(text)
    assert query.scope == "arithmetic" and hits == []


def test_a_named_number_is_not_a_quantity_of_the_circumstances(hotline):
    """Beside other words it keeps its full weight (五年 or 3000 would be lowered)."""
    query = parse("打12345")
    assert not query.scope
    group = next(g for g in query.groups if "12345" in g or "打12345" in g)
    assert max(group.values()) == 1.0
    assert parse("3000").scope == "arithmetic"


def test_without_the_office_group_the_number_is_a_sum_again(hotline):
    TermGroup.objects.filter(canonical="12345").delete()
    assert parse("12345").scope == "arithmetic"
