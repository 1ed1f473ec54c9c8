"""Words the library lacks, read as what the resident meant: a coordinated abbreviation
(预决算 → 预算, 决算), a rare homophone a pinyin input method offered (人材 → 人才), and
what is never read so (火星 is a word of its own)."""
import pytest

from gongkai.policies.search import abbrev, search_documents, words
from gongkai.policies.search import query as q
from gongkai.policies.tests.factories_policies import ids, make_document

pytestmark = pytest.mark.django_db



@pytest.fixture
def library():
    words.forget()
    docs = {
        "budget": make_document(title="黄埔区预算公开工作规程",
                                body_html="<p>部门预算应当在批复后二十日内公开。</p>"),
        "talent": make_document(title="黄埔区人才住房管理办法",
                                body_html="<p>人才住房的配租。</p>"),
        "advice": make_document(title="黄埔区人民建议征集工作办法",
                                body_html="<p>通过网站和热线征集人民建议。</p>"),
        "active": make_document(title="黄埔区活性污泥处理规定",
                                body_html="<p>污水处理厂的活性污泥。</p>"),
    }
    yield docs
    words.forget()


def test_coordinated_abbreviations_are_the_words_they_join():
    assert abbrev.coordinated("预决算") == ("预算", "决算")
    assert abbrev.coordinated("中小学") == ("中学", "小学")
    assert abbrev.coordinated("住房") == ()
    assert abbrev.coordinated("abc") == ()


@pytest.mark.parametrize("query", ["部门预决算", "预决算公开"])
def test_a_coordinated_abbreviation_finds_the_documents_of_its_words(library, query):
    # Before: 预决算 (a dictionary word no document holds) was left out — nothing or
    # the wrong document.
    assert ids(search_documents(query=query))[:1] == [library["budget"].pk]


@pytest.mark.parametrize(("query", "key"), [("人材住房", "talent"), ("提建义", "advice")])
def test_a_rare_dictionary_homophone_is_read_as_the_usual_word(library, query, key):
    # 人材 and 建义 are in the dictionary, so they were taken as meant: nothing found.
    result = search_documents(query=query)
    assert ids(result)[:1] == [library[key].pk]


def test_a_usual_word_is_not_read_as_its_homophone(library):
    # 火星 is about as frequent as 活性: a word of its own, not a slip.
    assert words.frequency("火星") < 20 * words.frequency("活性")
    plan = q.analyse("火星登记")
    assert all(g.corrected != "活性" for g in plan.groups)
    assert library["active"].pk not in ids(search_documents(query="火星登记"))


def test_frequency_of_unknown_strings_is_zero():
    assert words.frequency("xyzabc") == 0
    assert words.frequency("人才") > words.frequency("人材") > 0


def test_a_verb_of_a_spoken_sentence_weighs_as_a_lone_character():
    # 来 stands between two words here, so it was not "lone": held by the one document
    # naming 来穗人员, it outweighed the subject (窗口) of a resident's long question.
    plan = q.analyse("窗口工作人员应该怎么对待来办事的人")
    assert "来" in plan.lone
    # In a short query a character may be part of the subject: weighed fully.
    assert "来" not in q.analyse("来穗 人员").lone


def test_a_term_named_in_generic_words_is_searched_for_a_specific_word(library, monkeypatch):
    # 依申请公开 is what residents and staff call 政府信息公开申请 (lexicon); each of
    # 政府信息公开 and 申请 is generic alone, but the term they make is not: the rules
    # on handling requests come first, not the 政务公开 work plan that says 依申请公开.
    from gongkai.lexicon.data.seed import load_seed
    from gongkai.lexicon.models import LexiconVersion, TermGroup
    from gongkai.policies.search.lexicon_seed import correct_groups, load_search_lexicon

    load_seed(TermGroup, LexiconVersion)
    load_search_lexicon(TermGroup, LexiconVersion)
    correct_groups(TermGroup, LexiconVersion)
    rules = make_document(title="黄埔区政府信息公开申请办理规范",
                          body_html="<p>收到政府信息公开申请后，能够当场答复的当场答复。</p>")
    plan = make_document(title="黄埔区2025年政务公开工作要点",
                         body_html="<p>做好依申请公开工作，规范政务公开。</p>")
    for n in range(6):
        make_document(title=f"黄埔区第{n}号政府信息公开目录",
                      body_html="<p>政府信息公开，申请人可以申请。</p>")
    # A small library: a word in half of it is generic, as in a large one.
    monkeypatch.setattr(words, "GENERIC_MIN_DOCUMENTS", 5)
    words.forget()
    found = ids(search_documents(query="依申请公开"))
    assert found[:1] == [rules.pk]
    assert plan.pk in found


def test_the_correction_takes_only_the_wrong_variant_out():
    from gongkai.lexicon.models import LexiconVersion, TermGroup
    from gongkai.policies.search.lexicon_seed import correct_groups

    TermGroup.objects.create(canonical="政府信息公开", kind="abbreviation",
                             variants=["信息公开", "政务公开", "依申请公开"])
    correct_groups(TermGroup, LexiconVersion)
    assert TermGroup.objects.get(canonical="政府信息公开").variants == ["信息公开", "依申请公开"]


def test_the_correction_leaves_a_group_the_office_edited_as_they_made_it():
    from gongkai.lexicon.models import LexiconVersion, TermGroup
    from gongkai.orgs.tests.factories import OfficeAdminFactory
    from gongkai.policies.search.lexicon_seed import correct_groups

    TermGroup.objects.create(canonical="政府信息公开", kind="abbreviation",
                             variants=["信息公开", "政务公开"], updated_by=OfficeAdminFactory())
    correct_groups(TermGroup, LexiconVersion)
    assert TermGroup.objects.get(canonical="政府信息公开").variants == ["信息公开", "政务公开"]


def test_generic_words_that_make_a_title_find_that_document(library, monkeypatch):
    time_limits = make_document(title="黄埔区政务服务事项办理时限压缩办法",
                                body_html="<p>压缩办理时限。</p>")
    notice = make_document(title="关于印发黄埔区养犬管理规定的通知",
                           body_html="<p>现印发给你们。</p>")
    for name in ("殡葬", "物业", "校车", "控烟"):
        make_document(title=f"黄埔区{name}管理规定", body_html="<p>在办理时限内答复。</p>")
    # 时限 is in half of the library: generic, as in a large one.
    monkeypatch.setattr(words, "GENERIC_MIN_DOCUMENTS", 5)
    words.forget()
    assert q.analyse("办理时限").generic_only
    # 办理 and 时限 are generic words (before: "too generic", nothing); together they
    # are the title of one document.
    result = search_documents(query="办理时限")
    assert ids(result) == [time_limits.pk]
    assert result.notice == ""
    # The words of a document's form name no subject, though a title holds them all.
    for query in ("关于印发的通知", "办理 工作"):
        result = search_documents(query=query)
        assert (ids(result), result.notice) == ([], "generic"), query
    assert notice.pk


def test_a_word_about_the_document_asked_for_is_no_missing_subject(library, monkeypatch):
    # 官方 (official) is in no document: before, it outweighed 人才住房 and the query
    # found nothing ("the library covers no 官方").
    assert not words.names_a_thing("官方")
    result = search_documents(query="人才住房有没有官方解读")
    assert ids(result)[:1] == [library["talent"].pk]


def test_a_slip_inside_a_lexicon_term_is_read_with_the_word_before_it(library):
    # 老年 食唐: 食唐 alone becomes 食堂, which no document holds; with 老年 it is
    # 老年食堂, the lexicon's word for 长者饭堂.
    from gongkai.lexicon.models import LexiconVersion, TermGroup

    TermGroup.objects.create(canonical="长者饭堂", kind="colloquial", variants=["老年食堂"])
    LexiconVersion.objects.update_or_create(pk=1, defaults={"stamp": 4242})
    canteens = make_document(title="黄埔区长者饭堂建设和运营管理办法",
                             body_html="<p>长者饭堂为老年人提供助餐服务。</p>")
    make_document(title="黄埔区老年人优待办法", body_html="<p>老年人凭证免费乘车。</p>")
    words.forget()
    assert ids(search_documents(query="老年食唐"))[:1] == [canteens.pk]


def test_a_run_of_spoken_characters_is_the_sentence():
    # 想 问 个: each stands alone in spoken questions; in a row they are no word the
    # dictionary lacks, and weigh as lone characters.
    plan = q.analyse("想问个法律问题 有免费咨询的地方吗")
    assert {"问", "个"} <= plan.lone


def test_a_number_the_library_lacks_is_no_missing_subject(library):
    # A hotline number beside the subject: before, 12348 (in no document) outweighed
    # 人才住房 and the query found nothing.
    assert not words.names_a_thing("12348")
    assert ids(search_documents(query="12348 人才住房"))[:1] == [library["talent"].pk]


def test_a_lexicon_term_said_with_a_particle_inside_is_the_term():
    from gongkai.lexicon.models import LexiconVersion, TermGroup

    TermGroup.objects.create(canonical="市容环境卫生责任区", kind="colloquial",
                             variants=["店门口卫生"])
    LexiconVersion.objects.update_or_create(pk=1, defaults={"stamp": 4343})
    duties = make_document(title="黄埔区市容环境卫生责任区管理规定",
                           body_html="<p>责任人负责责任区的市容环境卫生。</p>")
    make_document(title="黄埔区爱国卫生运动管理规定", body_html="<p>开展爱国卫生运动。</p>")
    words.forget()
    plan = q.analyse("店门口的卫生要店家自己管吗")
    assert "店门口卫生" in plan.typed
    assert ids(search_documents(query="店门口的卫生要店家自己管吗"))[:1] == [duties.pk]


def test_a_missing_word_no_held_word_overlaps_stays_missing(library):
    # 量子计算机: 计算 (held) stands for 计算机, not for 量子, which was silently dropped
    # — the page did not say that no document holds 量子.
    make_document(title="黄埔区统计计算规则", body_html="<p>统计数据的计算。</p>")
    words.forget()
    plan = q.analyse("量子计算机采购")
    assert "量子" in [g.typed for g in plan.missing]
    assert "量子" in search_documents(query="量子计算机采购").missing


def test_the_page_lists_the_titled_documents_without_a_notice(client, library, monkeypatch):
    from django.urls import reverse

    time_limits = make_document(title="黄埔区政务服务事项办理时限压缩办法",
                                body_html="<p>压缩办理时限。</p>")
    for name in ("殡葬", "物业", "校车", "控烟", "养犬"):
        make_document(title=f"黄埔区{name}管理规定", body_html="<p>在办理时限内答复。</p>")
    monkeypatch.setattr(words, "GENERIC_MIN_DOCUMENTS", 5)
    words.forget()
    page = client.get(reverse("policies:search"), {"q": "办理时限"}).content.decode()
    assert time_limits.title in page
    assert 'id="search-notice"' not in page
    data = client.get(reverse("policies:api_search"), {"q": "办理时限"}).json()
    assert [hit["title"] for hit in data["results"]][:1] == [time_limits.title]
