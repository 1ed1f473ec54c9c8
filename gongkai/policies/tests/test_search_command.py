import json
from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from gongkai.orgs.tests.factories import UnitFactory
from gongkai.policies.tests.factories_policies import make_document
from gongkai.publishing.models import Audience

pytestmark = pytest.mark.django_db


def run(*args) -> list:
    out = StringIO()
    call_command("search_policies", *args, stdout=out)
    return json.loads(out.getvalue())


def test_prints_json_rows_with_id_title_number_and_score():
    unit = UnitFactory()
    document = make_document(unit=unit, title="关于优化营商环境的若干措施",
                             doc_number="埔发改〔2023〕5号")
    rows = run("营商环境")
    assert rows == [{"id": document.pk, "title": "关于优化营商环境的若干措施",
                     "doc_number": "埔发改〔2023〕5号", "score": rows[0]["score"]}]
    assert isinstance(rows[0]["score"], float)


def test_doc_number_in_other_brackets_and_traditional_query_find_the_document_first():
    unit = UnitFactory()
    target = make_document(unit=unit, title="關於推進政務公開標準化規範化的通知",
                           doc_number="埔府办〔2022〕12号")
    make_document(unit=unit, title="政务公开 政务公开 标准化 推进", doc_number="埔府办〔2022〕13号")
    assert run("埔府办[2022]12号")[0]["id"] == target.pk
    assert target.pk in [row["id"] for row in run("政務公開 規範化")]


def test_only_public_documents_are_printed_and_limit_is_applied():
    unit = UnitFactory()
    for n in range(5):
        make_document(unit=unit, title=f"营商环境文件{n}")
    make_document(unit=unit, title="营商环境内部文件", audience=Audience.STAFF)
    make_document(unit=unit, title="营商环境草稿", published=False)
    rows = run("营商环境", "--limit", "3")
    assert len(rows) == 3
    titles = [row["title"] for row in run("营商环境", "--limit", "100")]
    assert len(titles) == 5 and not any("内部" in t or "草稿" in t for t in titles)


def test_no_match_prints_an_empty_list_and_a_bad_limit_is_refused():
    assert run("不存在的词语组合") == []
    with pytest.raises(CommandError, match="--limit"):
        run("营商环境", "--limit", "0")
