"""The general thesaurus (同义词词林) under the office's lexicon: what is kept of it,
and a platform without the package."""
import importlib.metadata
import io
import json
import logging

import pytest

from gongkai.lexicon import thesaurus as module
from gongkai.lexicon.thesaurus import (
    MAX_GROUP,
    MAX_SENSES,
    WEIGHT,
    Thesaurus,
    data_path,
    load,
    synonym_groups,
    thesaurus,
)


def _tree(leaves: dict[str, list[str]]) -> dict:
    """A 词林 tree as the package stores it, its leaves under one branch."""
    return {"D": {"tag": "抽象事物", "sub": {"j": {"tag": "经济", "sub": {
        "07": {"tag": "工资", "sub": {"A": {"tag": "工资", "sub": leaves}}}}}}}}


def test_only_synonym_groups_are_read():
    """``#`` groups are words of one class, not synonyms (起诉 # 投诉); ``@`` a word alone."""
    tree = _tree({"01=": ["工资", "工钱"], "02#": ["起诉", "投诉"], "03@": ["薪饷"]})
    assert synonym_groups(io.StringIO(json.dumps(tree))) == [["工资", "工钱"]]


def test_single_characters_and_words_not_in_chinese_characters_are_left_out():
    words = Thesaurus([["工资", "薪", "工钱", "钱"], ["人", "口"], ["百尺竿头，更进一步", "精益求精"]])
    assert words.expand("工钱") == (("工资", WEIGHT),)
    assert "薪" not in words and "人" not in words
    # A group left with one word says nothing.
    assert "精益求精" not in words and words.groups() == 1


def test_a_group_broader_than_the_bound_is_left_out():
    broad = [f"孩子{c}" for c in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰"[:MAX_GROUP]] + ["孩子"]
    words = Thesaurus([broad, ["孩子", "子女"]])
    assert words.expand("孩子") == (("子女", WEIGHT),)
    assert Thesaurus([broad[:MAX_GROUP]]).groups() == 1


def test_a_word_of_more_senses_than_the_bound_is_left_out():
    """生活 in three groups (活着, 日子, 劳动): which sense a question means is unknown."""
    words = Thesaurus([["活着", "生活", "在世"], ["日子", "生活"], ["劳动", "生活"],
                       ["爱人", "丈夫"], ["爱人", "恋人"]])
    assert "生活" not in words and words.expand("活着") == (("在世", WEIGHT),)
    assert "日子" not in words  # its group is left with one word
    assert dict(words.expand("爱人")) == dict.fromkeys(["丈夫", "恋人"], WEIGHT)


def test_expansion_is_one_link_never_through_another_group():
    """爱人 is 丈夫 in one group and 恋人 in another: 丈夫 does not read as 恋人."""
    words = Thesaurus([["丈夫", "爱人", "老公"], ["恋人", "爱人", "对象"]])
    assert dict(words.expand("爱人")) == dict.fromkeys(["丈夫", "老公", "恋人", "对象"], WEIGHT)
    assert dict(words.expand("丈夫")) == dict.fromkeys(["爱人", "老公"], WEIGHT)
    assert words.expand("没有的词") == ()


def test_its_weight_is_below_every_kind_the_office_writes():
    from gongkai.lexicon.models import KIND_WEIGHTS

    assert WEIGHT < min(KIND_WEIGHTS.values())


def test_the_package_data_is_read(monkeypatch):
    """The installed package: everyday words read as the written ones, ``#`` groups
    and the broad ones left out."""
    monkeypatch.setattr(module, "_loaded", [])
    words = thesaurus()
    assert words.groups() > 5000
    assert "工资" in dict(words.expand("工钱"))
    assert "失业" in dict(words.expand("下岗"))
    assert "投诉" not in dict(words.expand("起诉"))
    assert "小不点儿" not in dict(words.expand("孩子"))  # a group of 36 words
    assert MAX_SENSES == 2 and "生活" not in words


def test_without_the_package_the_thesaurus_is_empty_and_logged_once(monkeypatch, caplog):
    def missing(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "files", missing)
    monkeypatch.setattr(module, "_loaded", [])
    assert data_path() is None
    with caplog.at_level(logging.WARNING, logger=module.__name__):
        assert len(thesaurus()) == 0
        assert thesaurus().expand("工钱") == ()
    assert [r.message for r in caplog.records].count(caplog.records[0].message) == 1
    assert "not installed" in caplog.records[0].message


def test_an_unreadable_data_file_leaves_the_thesaurus_empty(tmp_path, caplog):
    broken = tmp_path / "cilin_tree.json"
    broken.write_text("{not json", encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text('{"A": ["not", "a", "tree"]}', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger=module.__name__):
        assert len(load(broken)) == 0
        assert len(load(tmp_path / "missing.json")) == 0
        assert len(load(other)) == 0
    assert len(caplog.records) == 3
    assert "no group of synonyms" in caplog.records[2].message


def test_a_data_file_is_read(tmp_path):
    path = tmp_path / "cilin_tree.json"
    path.write_text(json.dumps(_tree({"01=": ["工资", "工钱"]})), encoding="utf-8")
    assert load(path).expand("工资") == (("工钱", WEIGHT),)


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    """Each test starts from the process's thesaurus as it was (never a test's)."""
    monkeypatch.setattr(module, "_loaded", list(module._loaded))
