import pytest

from django.urls import reverse

from gongkai.core.errors import ApplicationError
from gongkai.core.models import AuditEvent
from gongkai.lexicon import selectors
from gongkai.lexicon.models import LexiconVersion, TermGroup, TermKind
from gongkai.lexicon.selectors import Lexicon, expand_text, expand_tokens
from gongkai.lexicon.services import (
    GroupData,
    term_group_create,
    term_group_delete,
    term_group_update,
    term_variant_add,
)

pytestmark = pytest.mark.django_db


def _weights(pairs):
    return dict(pairs)


def test_seed_maps_everyday_words_to_the_library_words():
    expanded = _weights(expand_tokens(["廉租房", "薪水", "爱人"]))
    assert expanded["公共租赁住房"] > 0.5 and expanded["工资"] > 0.5
    assert expanded["配偶"] > 0.5 and expanded["廉租房"] == 1.0


def test_colloquial_word_leads_to_the_canonical_one_but_not_back():
    lexicon = Lexicon([("孩子", ("娃",), TermKind.COLLOQUIAL)])
    assert _weights(lexicon.expand("娃")) == {"孩子": 0.9}
    assert lexicon.expand("孩子") == ()


def test_a_lexicon_holds_every_term_its_groups_have():
    """A colloquial group's canonical term leads nowhere, but the office wrote it."""
    lexicon = Lexicon([("配偶", ("爱人", "老婆"), TermKind.COLLOQUIAL),
                       ("工资", ("薪水",), TermKind.SYNONYM)])
    assert all(lexicon.holds(t) for t in ("配偶", "爱人", "老婆", "工资", "薪水"))
    assert not lexicon.expand("配偶") and not lexicon.holds("丈夫")


def test_synonyms_go_both_ways_and_two_links_multiply():
    lexicon = Lexicon([("配偶", ("爱人", "老婆"), TermKind.SYNONYM),
                       ("爱人", ("另一半",), TermKind.COLLOQUIAL)])
    assert _weights(lexicon.expand("配偶"))["老婆"] == 0.85
    assert _weights(lexicon.expand("另一半")) == {"爱人": 0.9, "配偶": 0.765, "老婆": 0.765}


def test_text_is_matched_longest_first_and_single_characters_only_as_tokens():
    lexicon = Lexicon([("公共租赁住房", ("廉租房", "租房"), TermKind.SYNONYM),
                       ("投诉", ("告",), TermKind.SYNONYM)])
    assert [f.term for f in lexicon.find("廉租房和公告")] == ["廉租房"]
    assert "投诉" in _weights(expand_tokens(["告"], lexicon))


def test_traditional_and_full_width_input_is_expanded():
    assert "工资" in _weights(expand_tokens(["薪水"]))
    assert [f.term for f in expand_text("廉租屋點申請")][:1] == ["廉租屋"]


def test_a_change_is_seen_at_once_through_the_version_stamp(office_admin):
    assert "配偶" not in _weights(expand_tokens(["孩子他爹"]))
    before = LexiconVersion.objects.get().stamp
    term_variant_add(canonical="配偶", variant="孩子他爹", actor=office_admin)
    assert LexiconVersion.objects.get().stamp != before
    assert _weights(expand_tokens(["孩子他爹"]))["配偶"] > 0.5


def test_another_process_sees_the_change_without_being_told(office_admin):
    expand_tokens(["外卖小哥"])  # this process's cache is now current
    selectors._cache["lexicon"] = Lexicon([], stamp=LexiconVersion.objects.get().stamp)
    TermGroup.objects.create(canonical="新就业形态劳动者", variants=["外卖小哥"],
                             kind=TermKind.COLLOQUIAL)  # as another process would
    assert "新就业形态劳动者" in _weights(expand_tokens(["外卖小哥"]))


def test_create_update_delete_leave_audit_events(office_admin):
    group = term_group_create(data=GroupData(canonical="網約配送員", variants=["外賣騎手"],
                                             kind=TermKind.COLLOQUIAL), actor=office_admin)
    assert group.canonical == "网约配送员" and group.variants == ["外卖骑手"]
    term_group_update(group=group, data=GroupData(canonical="网约配送员",
                                                  variants=["外卖骑手", "外卖小哥"],
                                                  kind=TermKind.COLLOQUIAL), actor=office_admin)
    term_group_delete(group=group, actor=office_admin)
    actions = list(AuditEvent.objects.filter(action__startswith="lexicon.")
                   .values_list("action", flat=True))
    assert actions == ["lexicon.group.created", "lexicon.group.updated",
                       "lexicon.group.deleted"]


@pytest.mark.parametrize("data, message", [
    (GroupData(canonical="", variants=["x"]), "规范说法不能为空"),
    (GroupData(canonical="工资", variants=["薪水"]), "已有规范说法"),
    (GroupData(canonical="某词", variants=[]), "至少填写一个其他说法"),
    (GroupData(canonical="某词", variants=["长" * 31]), "每个说法不能超过30字"),
    (GroupData(canonical="某词", variants=["x"], kind="nonsense"), "不在可选范围内"),
])
def test_bad_groups_are_refused_in_chinese(office_admin, data, message):
    with pytest.raises(ApplicationError, match=message):
        term_group_create(data=data, actor=office_admin)


def test_only_the_office_edits_and_staff_may_read(client_for, office_admin, unit_staff):
    staff = client_for(unit_staff)
    assert staff.get(reverse("lexicon:list")).status_code == 200
    assert staff.get(reverse("lexicon:new")).status_code == 403
    assert staff.post(reverse("lexicon:new"), {"canonical": "a", "variants": "b",
                                               "kind": "synonym"}).status_code == 403
    group = TermGroup.objects.get(canonical="工资")
    assert staff.post(reverse("lexicon:delete", args=[group.pk])).status_code == 403
    assert TermGroup.objects.filter(pk=group.pk).exists()


def test_office_creates_a_group_in_the_ui_and_hostile_text_is_escaped(client_for,
                                                                      office_admin):
    client = client_for(office_admin)
    response = client.post(reverse("lexicon:new"), {
        "canonical": "<b>网约配送员</b>", "variants": "外卖骑手、外卖小哥", "kind": "colloquial"})
    assert response.status_code == 302
    html = client.get(reverse("lexicon:list"), {"q": "骑手"}).content.decode()
    assert "&lt;b&gt;网约配送员&lt;/b&gt;" in html and "<b>网约配送员" not in html


def test_a_refused_group_keeps_what_was_typed(client_for, office_admin):
    response = client_for(office_admin).post(reverse("lexicon:new"), {
        "canonical": "工资", "variants": "我的新说法", "kind": "synonym"})
    html = response.content.decode()
    assert response.status_code == 400 and "已有规范说法" in html and "我的新说法" in html


def test_terms_are_found_longest_first_at_each_place_as_a_pattern_would():
    """A snapshot finds terms with a table of first characters, not a compiled pattern
    (made at the first query after every edit, the pattern cost most of it): at each
    place the longest term starting there, then on from its end. Checked against the
    pattern of every term, longest first, over the whole seeded lexicon."""
    import random
    import re

    lexicon = selectors.current_lexicon()
    words = {*TermGroup.objects.values_list("canonical", flat=True),
             *(v for vs in TermGroup.objects.values_list("variants", flat=True) for v in vs)}
    # The terms found are those the lexicon widens (a colloquial group's canonical
    # word leads nowhere), of two characters or more.
    terms = sorted((t for t in words if len(t) > 1 and lexicon.expand(t)),
                   key=lambda t: (-len(t), t))
    pattern = re.compile("|".join(map(re.escape, terms)))
    rng = random.Random(17)
    pieces = [*words, *"的了我想要去办怎么公房社保卡"]
    for _i in range(500):
        text = "".join(rng.choice(pieces) for _j in range(rng.randint(1, 8)))
        assert [(f.term, f.start) for f in lexicon.find(text)] == [
            (m.group(), m.start()) for m in pattern.finditer(text)]


def test_a_term_expands_the_same_whenever_it_is_first_asked_for():
    """Expansions are worked out when a term is first asked for and kept: asking in
    another order gives the same, and a word the lexicon lacks expands to nothing."""
    groups = [("配偶", ("爱人", "老婆"), TermKind.SYNONYM),
              ("爱人", ("另一半",), TermKind.COLLOQUIAL)]
    first, second = Lexicon(groups), Lexicon(groups)
    words = ["另一半", "配偶", "老婆", "爱人", "路人"]
    assert [first.expand(w) for w in words] == [
        second.expand(w) for w in reversed(words)][::-1]
    assert first.expand("路人") == () and len(first) == 4
