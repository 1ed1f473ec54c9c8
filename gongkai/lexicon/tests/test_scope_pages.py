"""The scope on the lexicon's pages: the list shows it and filters by it, the form
edits it (a bad value refused, CSRF checked), the Excel export carries it and the
import reads it back (a bad value refused in Chinese, nothing written), the staff test
view says which groups the Q&A and the search apply, and the one-step synonym from the
Q&A's queue makes a group of the scope staff pick (the Q&A's only, unless they say)."""
import io

import pytest
from openpyxl import Workbook, load_workbook

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.core.models import AuditEvent
from gongkai.lexicon.models import TermGroup, TermKind, TermScope
from gongkai.lexicon.services import GroupData, term_group_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def held():
    """One group for the search only, one for the Q&A only."""
    return (term_group_create(data=GroupData(canonical="保障房", variants=["便宜房子"],
                                             kind=TermKind.COLLOQUIAL,
                                             scope=TermScope.SEARCH), actor=None),
            term_group_create(data=GroupData(canonical="居家养老", variants=["社区养老"],
                                             kind=TermKind.COLLOQUIAL,
                                             scope=TermScope.QA), actor=None))


def _rows(html: str) -> str:
    return html[html.index('id="lexicon-groups"'):]


def test_the_list_shows_each_groups_scope_and_filters_by_it(client_for, unit_staff, held):
    client = client_for(unit_staff)
    html = _rows(client.get(reverse("lexicon:list")).content.decode())
    assert "仅政策检索" in html and "仅政策问答" in html and "问答和检索" in html
    only_search = _rows(client.get(reverse("lexicon:list"), {"scope": "search"})
                        .content.decode())
    assert "便宜房子" in only_search and "社区养老" not in only_search
    assert 'data-scope="both"' not in only_search
    only_qa = _rows(client.get(reverse("lexicon:list"), {"scope": "qa"}).content.decode())
    assert "社区养老" in only_qa and "便宜房子" not in only_qa


def test_a_bad_scope_in_the_filter_shows_every_group(client_for, unit_staff, held):
    html = _rows(client_for(unit_staff).get(reverse("lexicon:list"), {"scope": "x"})
                 .content.decode())
    assert "便宜房子" in html and "社区养老" in html


def test_the_form_edits_the_scope_live_and_audited(client_for, office_admin, held):
    group = held[0]
    client = client_for(office_admin)
    page = client.get(reverse("lexicon:edit", args=[group.pk])).content.decode()
    assert '<option value="search" selected>' in page
    response = client.post(reverse("lexicon:edit", args=[group.pk]), {
        "canonical": "保障房", "variants": "便宜房子", "kind": "colloquial", "scope": "qa"})
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.scope == TermScope.QA
    assert AuditEvent.objects.filter(action="lexicon.group.updated").latest("pk") \
        .details["scope"] == "qa"


def test_the_form_refuses_a_scope_outside_the_choices(client_for, office_admin, held):
    group = held[0]
    response = client_for(office_admin).post(reverse("lexicon:edit", args=[group.pk]), {
        "canonical": "保障房", "variants": "便宜房子", "kind": "colloquial", "scope": "all"})
    assert response.status_code == 400 and "errorlist" in response.content.decode()
    group.refresh_from_db()
    assert group.scope == TermScope.SEARCH


@pytest.mark.parametrize(("scope", "said", "not_said"), [
    ("qa", "立即对政策问答生效（不用于政策检索）", "问答和检索"),
    ("search", "立即对政策检索生效（不用于政策问答）", "问答和检索"),
    ("both", "立即对问答和检索生效", "不用于"),
])
def test_the_saved_message_names_the_reader_the_group_serves(client_for, office_admin,
                                                              scope, said, not_said):
    response = client_for(office_admin).post(reverse("lexicon:new"), {
        "canonical": "网约配送员", "variants": "外卖骑手", "kind": "colloquial",
        "scope": scope}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1 and said in messages[0] and not_said not in messages[0]


def test_a_new_group_from_the_form_without_a_scope_serves_both(client_for, office_admin):
    client_for(office_admin).post(reverse("lexicon:new"), {
        "canonical": "网约配送员", "variants": "外卖骑手", "kind": "colloquial"})
    assert TermGroup.objects.get(canonical="网约配送员").scope == TermScope.BOTH


def test_a_change_of_scope_needs_the_csrf_token(office_admin, held):
    client = Client(enforce_csrf_checks=True)
    client.force_login(office_admin)
    response = client.post(reverse("lexicon:edit", args=[held[0].pk]), {
        "canonical": "保障房", "variants": "便宜房子", "kind": "colloquial", "scope": "both"})
    assert response.status_code == 403
    held[0].refresh_from_db()
    assert held[0].scope == TermScope.SEARCH


def test_only_the_office_imports_and_staff_may_export(client_for, unit_staff):
    staff = client_for(unit_staff)
    assert staff.get(reverse("lexicon:export")).status_code == 200
    assert staff.get(reverse("lexicon:import")).status_code == 403
    assert staff.post(reverse("lexicon:import"), {"file": _upload([
        ["某规范", "某说法", "口语说法", "", ""]])}).status_code == 403
    assert not TermGroup.objects.filter(canonical="某规范").exists()
    assert Client().get(reverse("lexicon:export")).status_code == 302  # to the login


def _export(client, **params) -> list[tuple]:
    response = client.get(reverse("lexicon:export"), params)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    return list(book.active.iter_rows(values_only=True))


def test_the_export_has_the_scope_under_a_chinese_header(client_for, unit_staff, held):
    rows = _export(client_for(unit_staff), scope="search")
    assert rows[1] == ("规范说法", "其他说法", "类型", "适用范围", "备注")
    assert rows[2][:4] == ("保障房", "便宜房子", "口语说法", "仅政策检索")
    assert len(rows) == 3  # the list's filter holds for the export


def _upload(rows, *, title: bool = False) -> SimpleUploadedFile:
    book = Workbook()
    if title:
        book.active.append(["同义词词库"])
    book.active.append(["规范说法", "其他说法", "类型", "适用范围", "备注"])
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("lexicon.xlsx", out.getvalue())


def test_an_exported_workbook_edited_and_imported_changes_the_scope(client_for, office_admin,
                                                                    held):
    client = client_for(office_admin)
    rows = _export(client, scope="search")
    changed = [list(rows[2][:3]) + ["仅政策问答", "改为只用于问答"]]
    new = [["网约配送员", "外卖骑手、外卖小哥", "colloquial", "search", ""]]
    response = client.post(reverse("lexicon:import"),
                           {"file": _upload(changed + new, title=True)})
    assert response.status_code == 302
    group = TermGroup.objects.get(canonical="保障房")
    assert (group.scope, group.note) == (TermScope.QA, "改为只用于问答")
    added = TermGroup.objects.get(canonical="网约配送员")
    assert added.scope == TermScope.SEARCH and added.variants == ["外卖骑手", "外卖小哥"]


def test_an_empty_scope_imports_as_both(client_for, office_admin):
    client_for(office_admin).post(reverse("lexicon:import"), {"file": _upload([
        ["网约配送员", "外卖骑手", "口语说法", "", ""]])})
    assert TermGroup.objects.get(canonical="网约配送员").scope == TermScope.BOTH


def test_a_bad_scope_refuses_the_whole_file_with_the_row_in_chinese(client_for, office_admin,
                                                                    held):
    response = client_for(office_admin).post(reverse("lexicon:import"), {"file": _upload([
        ["网约配送员", "外卖骑手", "口语说法", "仅政策检索", ""],
        ["保障房", "便宜房子", "口语说法", "只给检索用", ""]])})
    html = response.content.decode()
    assert response.status_code == 400
    assert "第3行" in html and "适用范围“只给检索用”不在可选范围内" in html
    assert "问答和检索、仅政策检索、仅政策问答" in html
    assert not TermGroup.objects.filter(canonical="网约配送员").exists()
    assert TermGroup.objects.get(canonical="保障房").scope == TermScope.SEARCH


def test_a_file_with_other_columns_is_refused(client_for, office_admin):
    book = Workbook()
    book.active.append(["问题", "答复"])
    book.active.append(["某", "某"])
    out = io.BytesIO()
    book.save(out)
    response = client_for(office_admin).post(reverse("lexicon:import"), {
        "file": SimpleUploadedFile("x.xlsx", out.getvalue())})
    assert response.status_code == 400 and "表头应为" in response.content.decode()


def test_the_staff_test_view_says_which_groups_the_qa_and_the_search_apply(
        client_for, unit_staff, held):
    html = client_for(unit_staff).get(reverse("qa:staff_test"),
                                      {"question": "便宜房子和社区养老怎么申请"}).content.decode()
    part = html[html.index('id="lexicon-applied"'):]
    search_row = part[part.index('data-scope="search"'):].split("</tr>")[0]
    qa_row = part[part.index('data-scope="qa"'):].split("</tr>")[0]
    # columns: canonical, words, scope, used by the Q&A, used by the search
    assert search_row.count("<td>") == 5 and search_row.endswith("<td>否</td><td>是</td>")
    assert qa_row.endswith("<td>是</td><td>否</td>")


def _pending(text: str):
    """A question the units' queue holds (the library has one entry, that does not
    answer it)."""
    from django.core.cache import cache

    from gongkai.qa.models import PendingQuestion
    from gongkai.qa.tests.factories_qa import published_entry

    published_entry(question="住房公积金怎么提取？", answer="购房、租房可提取。")
    cache.clear()
    Client().post(reverse("qa:ask"), {"question": text})
    return PendingQuestion.objects.get()


def test_a_synonym_from_the_queue_makes_a_qa_only_group_unless_staff_pick(client_for,
                                                                        office_admin):
    pending = _pending("买房存的那份钱咋拿出来")
    client = client_for(office_admin)
    page = client.get(reverse("qa:staff_pending_learn", args=[pending.pk])).content.decode()
    assert '<option value="qa" selected>' in page
    response = client.post(reverse("qa:staff_pending_learn", args=[pending.pk]), {
        "action": "synonym", "variant": "买房存的那份钱", "canonical": "某某补贴"}, follow=True)
    assert TermGroup.objects.get(canonical="某某补贴").scope == TermScope.QA
    assert "同义词已添加（适用范围：仅政策问答）" in response.content.decode()
    client.post(reverse("qa:staff_pending_learn", args=[pending.pk]), {
        "action": "synonym", "variant": "存的那份钱", "canonical": "另一补贴", "scope": "both"})
    assert TermGroup.objects.get(canonical="另一补贴").scope == TermScope.BOTH


def test_a_synonym_from_the_queue_for_a_search_only_group_is_refused(client_for,
                                                                   office_admin, held):
    pending = _pending("买房存的那份钱咋拿出来")
    response = client_for(office_admin).post(
        reverse("qa:staff_pending_learn", args=[pending.pk]),
        {"action": "synonym", "variant": "买房存的那份钱", "canonical": "保障房", "scope": "qa"},
        follow=True)
    assert "加入的说法不会用于“仅政策问答”" in response.content.decode()
    assert TermGroup.objects.get(canonical="保障房").variants == ["便宜房子"]
