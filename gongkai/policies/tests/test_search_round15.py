"""Round 15: an everyday noun of one character read as its written form of two (树 →
树木) when the library does not hold the character as a word."""
import pytest

from gongkai.policies.search import query as q
from gongkai.policies.search import reading, search_documents
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def greening():
    return {
        "trees": make_document(title="黄埔区城市绿化管理办法",
                               body_html="<p>砍伐城市树木应当报绿化主管部门批准。</p>"),
        "clinics": make_document(title="黄埔区医疗机构设置审批管理办法",
                                 body_html="<p>医疗机构设置实行审批。</p>"),
    }


def test_a_character_the_library_lacks_is_read_as_its_written_form(greening):
    plan = q.analyse("门口的树想砍掉要审批吗")
    tree = next(g for g in plan.groups if g.typed == "树")
    assert "树木" in tree.alternatives and tree.known
    # A word now, not a character left of the sentence (rule 5's 0.2).
    assert "树" not in plan.lone
    assert greening["trees"].pk in ids(search_documents(query="门口的树想砍掉要审批吗"))
    assert ids(search_documents(query="家门口的树想砍掉"))[:1] == [greening["trees"].pk]


def test_a_character_the_library_holds_is_left_as_typed(greening):
    make_document(title="黄埔区古树保护办法", body_html="<p>古 树 挂牌保护，树 不得移植。</p>")
    plan = q.analyse("树 移植")
    tree = next(g for g in plan.groups if g.typed == "树")
    assert tree.alternatives == ("树",)


def test_a_written_form_the_library_lacks_is_not_added(greening):
    # 车 → 车辆, which no document here holds: 车 stays as typed (and unknown).
    plan = q.analyse("门口 车 审批")
    car = next(g for g in plan.groups if g.typed == "车")
    assert car.alternatives == ("车",) and not car.known


def test_the_table_holds_characters_and_their_forms_of_two_characters_or_more():
    table = reading._written_table()
    assert table["树"][0] == "树木"
    for character, forms in table.items():
        assert len(character) == 1 and forms
        assert all(len(form) >= 2 and form != character * len(form) for form in forms), character
