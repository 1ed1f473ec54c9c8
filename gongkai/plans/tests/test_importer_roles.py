"""The importer's one table of role words (``importer/roles.py``), read the same way by
column headers, labels in a units cell and running text."""
import pytest

from gongkai.plans.importer.headers import Column, classify
from gongkai.plans.importer.roles import COOPERATE, ROLE_WORD_TABLE
from gongkai.plans.importer.units import parse_units

WORDS = sorted(ROLE_WORD_TABLE.items())


def roles(text: str, default_role: str = COOPERATE) -> list[tuple[str, str]]:
    return [(ref.name, ref.role) for ref in parse_units(text, line=1,
                                                           default_role=default_role)]


@pytest.mark.parametrize(("word", "entry"), WORDS)
def test_every_role_word_names_a_units_column_and_labels_a_cell(word, entry):
    role, _in_text = entry
    assert classify(f"{word}单位") == Column("units", (role,))
    other = "lead" if role != "lead" else "cooperate"
    assert roles(f"{word}单位：区财政局", default_role=other) == [("区财政局", role)]


@pytest.mark.parametrize(("word", "entry"), [w for w in WORDS if w[1][1]])
def test_a_role_word_of_running_text_gives_its_role_to_the_names_before_it(word, entry):
    role, _in_text = entry
    other = "lead" if role != "lead" else "cooperate"
    assert roles(f"区财政局、区税务局{word}", default_role=other) == [
        ("区财政局", role), ("区税务局", role)]


def test_a_duty_word_labels_a_cell_but_is_no_role_after_names():
    # 主责 was read in headers only: a label "主责单位：" made a unit of that name.
    assert roles("主责单位：区财政局；配合单位：区税务局") == [
        ("区财政局", "lead"), ("区税务局", "cooperate")]
    assert [w for w, (_r, in_text) in WORDS if not in_text] == ["主责", "责任"]


def test_a_coordinating_column_is_read_like_the_coordinating_word_in_a_cell():
    # 统筹 was read in cells only: a column headed 统筹单位 was not recognised.
    assert classify("统筹单位") == Column("units", ("coordinate",))
    assert roles("区财政局统筹，各街镇配合")[0] == ("区财政局", "coordinate")
