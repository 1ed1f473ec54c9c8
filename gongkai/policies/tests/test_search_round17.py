"""Issue 17, round 17: what residents type, read as they mean it (see bench/search/README.md,
round 17)."""
import importlib

import pytest

from django.apps import apps as django_apps

from gongkai.lexicon.models import TermGroup, TermKind
from gongkai.lexicon.services import lexicon_version_bump
from gongkai.policies.search import search_documents
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def innovation():
    TermGroup.objects.create(canonical="科技创新券", variants=["创新券", "科技券"],
                             kind=TermKind.COLLOQUIAL)
    lexicon_version_bump()
    return {
        "vouchers": make_document(title="黄埔区科技创新券实施办法",
                                  body_html="<p>科技创新券用于购买科技服务。</p>"),
        "measures": make_document(title="黄埔区促进科技创新若干措施",
                                  body_html="<p>支持企业开展科技创新活动。</p>"),
    }


@pytest.mark.parametrize("query", ["科技创新卷", "科技创新券", "创新卷 申请"])
def test_a_slip_of_one_character_after_a_word_is_read_with_the_word(innovation, query):
    # 卷 for 券 (the same sound): the cut leaves 科技创新 whole and the slip alone; the
    # word and the character, changed, are the term the library holds.
    assert ids(search_documents(query=query))[:1] == [innovation["vouchers"].pk]


def test_a_character_the_library_holds_after_a_word_is_left_as_typed(innovation):
    # 券 itself is held: nothing to read otherwise.
    result = search_documents(query="科技创新 券")
    assert ids(result)[:1] == [innovation["vouchers"].pk]


@pytest.fixture
def mediation():
    return {
        "mediation": make_document(title="黄埔区人民调解工作规范",
                                   body_html="<p>人民调解委员会调解民间纠纷。</p>"),
        "fees": make_document(title="黄埔区物业服务收费管理办法",
                              body_html="<p>物业服务收费实行政府指导价和市场调节价，设立委员会。</p>"),
        "injury": make_document(title="黄埔区工伤保险工作指引",
                                body_html="<p>工伤保险待遇和工伤认定。</p>"),
        "shops": make_document(title="黄埔区个体工商户扶持工作方案",
                               body_html="<p>个体工商户参加保险的，给予认定和补贴。</p>"),
    }


@pytest.mark.parametrize("query, key", [
    ("人民调节委员会", "mediation"),   # 调节 (held) for 调解: only the phrase tells
    ("工商保险 认定", "injury"),       # 工商 (held) for 工伤
    ("人民调解委员会", "mediation"),
    ("市场调节", "fees"),              # a word of its own: left as typed
    ("个体工商户 保险", "shops"),
])
def test_two_words_that_are_a_term_with_one_slip_are_read_as_the_term(mediation, query, key):
    assert ids(search_documents(query=query))[:1] == [mediation[key].pk]


MIGRATION = importlib.import_module("gongkai.policies.migrations.0017_search_lexicon_thirteenth")


def test_migration_0017_reads_the_street_and_village_as_the_grassroots():
    MIGRATION.load(django_apps, None)
    assert TermGroup.objects.get(canonical="基层").scope == "search"
    grassroots = make_document(title="黄埔区基层政务公开标准目录",
                               body_html="<p>基层政务公开的事项和标准。</p>")
    make_document(title="黄埔区政务公开工作要点", body_html="<p>推进政务公开。</p>")
    assert ids(search_documents(query="街道和村里应该公开哪些事情"))[:1] == [grassroots.pk]


def test_migration_0017_takes_free_of_charge_out_of_the_elderlys_privileges():
    TermGroup.objects.create(canonical="优待", variants=["免费", "半价", "打折"],
                             kind=TermKind.COLLOQUIAL)
    edited = TermGroup.objects.create(canonical="政府信息公开", variants=["政务公开"],
                                      kind=TermKind.SYNONYM)
    MIGRATION.load(django_apps, None)
    assert TermGroup.objects.get(canonical="优待").variants == ["半价", "打折"]
    edited.refresh_from_db()
    assert edited.variants == ["政务公开"]  # another correction's, left to migration 0008
    legal = make_document(title="黄埔区公共法律服务体系建设方案",
                          body_html="<p>公共法律服务，法律援助，法律顾问。</p>")
    make_document(title="黄埔区老年人优待办法",
                  body_html="<p>老年人免费乘坐公共汽车；依法维护老年人合法权益，法律援助；咨询电话。</p>")
    TermGroup.objects.create(canonical="公共法律服务", variants=["免费法律咨询", "法律咨询"],
                             kind=TermKind.COLLOQUIAL)
    lexicon_version_bump()
    assert ids(search_documents(query="免费法律咨询"))[:1] == [legal.pk]
    # A slip in the last word of a term said in three (免费 法律 资询) is read as the term.
    assert ids(search_documents(query="免费法律资询"))[:1] == [legal.pk]


@pytest.fixture
def care_homes():
    TermGroup.objects.create(canonical="养老机构", variants=["养老院", "敬老院"],
                             kind=TermKind.COLLOQUIAL)
    lexicon_version_bump()
    return {
        "homes": make_document(title="黄埔区养老机构扶持办法",
                               body_html="<p>养老机构按床位给予建设补贴和运营补贴。</p>"),
        "beds": make_document(title="黄埔区家庭养老床位管理办法",
                              body_html="<p>家庭养老床位的服务和补贴。</p>"),
    }


@pytest.mark.parametrize("query", ["开养老院政府给多少钱，一张床位补多少",
                                   "我开了家养老院 政府按床位有没有补钱"])
def test_the_unit_a_payment_is_counted_by_is_not_the_subject(care_homes, query):
    # 床位 said after 按 or 一张: the care homes' subsidy counted by bed, not the beds.
    assert ids(search_documents(query=query))[:1] == [care_homes["homes"].pk]


def test_a_unit_named_as_the_subject_is_searched_as_typed(care_homes):
    assert ids(search_documents(query="家庭养老床位"))[:1] == [care_homes["beds"].pk]
