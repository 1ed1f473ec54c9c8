import datetime as dt

import pytest

from gongkai.core.identity import id_check_digit
from gongkai.publishing.detectors import (
    Kind,
    detect,
    find_bank_cards,
    find_classification_marks,
    find_id_numbers,
    find_mobiles,
    find_words,
    is_valid_id_number,
    luhn_valid,
    mask,
)
from gongkai.publishing.tests.factories_publishing import valid_id, wrong_id


def luhn_complete(prefix: str) -> str:
    """``prefix`` plus the digit that makes it pass Luhn."""
    for digit in "0123456789":
        if luhn_valid(prefix + digit):
            return prefix + digit
    raise AssertionError


def kinds(text, **kw):
    return [(m.kind, m.raw) for m in detect(text, **kw)]


# --- ID numbers ---------------------------------------------------------------------

def test_check_digit_of_the_standard_example():
    # GB 11643-1999 annex example: 11010519491231002X
    assert id_check_digit("11010519491231002") == "X"
    assert is_valid_id_number("11010519491231002X")
    assert is_valid_id_number("11010519491231002x")


@pytest.mark.parametrize("first17", [
    "44010619900307123", "11010519491231002", "65010220001129456", "44011220230228001",
])
def test_id_with_valid_check_digit_is_found(first17):
    number = valid_id(first17)
    found = find_id_numbers(f"申请人身份证号码：{number}。")
    assert [(m.kind, m.raw) for m in found] == [(Kind.ID_NUMBER, number)]


@pytest.mark.parametrize("first17", ["44010619900307123", "11010519491231002"])
def test_id_with_wrong_check_digit_is_not_an_id(first17):
    assert find_id_numbers(f"号码 {wrong_id(first17)} 。") == []


@pytest.mark.parametrize("first17", [
    "44010619901307123",  # month 13
    "44010619900230123",  # 30 February
    "44010618991231123",  # born before 1900
    "00010619900307123",  # no such province
    "44010630000101123",  # born in the future
])
def test_id_with_impossible_date_or_region_is_not_an_id(first17):
    assert find_id_numbers(valid_id(first17)) == []


def test_id_inside_a_longer_digit_run_or_code_is_not_an_id():
    number = valid_id()
    assert find_id_numbers("9" + number) == []
    assert find_id_numbers(number + "7") == []
    assert find_id_numbers("91" + number + "A") == []


def test_old_fifteen_digit_form_is_ignored():
    assert find_id_numbers("440106900307123") == []


def test_full_width_id_is_found_with_original_span():
    number = valid_id()
    wide = "".join(chr(ord(c) + 0xFEE0) for c in number)
    text = "证件：" + wide
    [match] = find_id_numbers(text)
    assert (match.start, match.end, match.raw) == (3, 21, wide)


def test_birth_date_plausibility_uses_today():
    number = valid_id("44010620250610123")
    assert is_valid_id_number(number, today=dt.date(2025, 6, 10))
    assert not is_valid_id_number(number, today=dt.date(2025, 6, 9))


# --- mobiles ------------------------------------------------------------------------

@pytest.mark.parametrize("text, raw", [
    ("联系电话13812345678。", "13812345678"),
    ("电话：139 1234 5678", "139 1234 5678"),
    ("电话：159-1234-5678，", "159-1234-5678"),
    ("+86 19912345678", "19912345678"),
    ("13812345678 2024年", "13812345678"),
])
def test_mobile_numbers_are_found(text, raw):
    assert [m.raw for m in find_mobiles(text)] == [raw]


@pytest.mark.parametrize("text", [
    "12812345678",  # 12x is not a mobile prefix
    "1381234567",  # 10 digits
    "138123456789",  # 12 digits
    "8613812345678",  # inside a longer run
    "020-12345678",  # landline
    "139 1234-5678",  # mixed separators
    "6222 139 1234 5678",  # a group of a longer figure
])
def test_not_mobile_numbers(text):
    assert find_mobiles(text) == []


# --- bank cards ---------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["622202123456789", "411111111111111", "62284801234567890"])
def test_luhn_valid_cards_are_found(prefix):
    card = luhn_complete(prefix)
    assert [m.raw for m in find_bank_cards(f"卡号{card}。")] == [card]


def test_luhn_invalid_card_is_not_found():
    card = luhn_complete("622202123456789")
    wrong = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert not luhn_valid(wrong)
    assert find_bank_cards(wrong) == []


def test_grouped_card_is_found():
    card = luhn_complete("622202123456789")
    grouped = " ".join(card[i:i + 4] for i in range(0, 16, 4))
    assert [m.raw for m in find_bank_cards(f"账号：{grouped}")] == [grouped]


def test_card_lengths_outside_16_to_19_are_not_cards():
    assert find_bank_cards(luhn_complete("42424242424242")) == []  # 15
    assert find_bank_cards(luhn_complete("4" * 19)) == []  # 20


def test_an_id_that_also_passes_luhn_is_reported_once_as_id():
    for serial in range(100, 400):
        number = valid_id(f"44010619900307{serial}")
        if number[-1] != "X" and luhn_valid(number):
            break
    else:
        pytest.skip("no such number in range")
    assert kinds(number) == [(Kind.ID_NUMBER, number)]


# --- classification markings and words ----------------------------------------------

def test_classification_markings_are_flagged():
    text = "绝密★启用前\n机密\n秘密★1年\n本文件属工作秘密"
    assert [m.raw for m in find_classification_marks(text)] == ["绝密", "机密", "秘密", "工作秘密"]


def test_classification_in_ordinary_phrase_is_flagged_for_a_reviewer():
    assert [m.raw for m in find_classification_marks("严格保守国家秘密")] == ["秘密"]


def test_neibu_is_flagged_only_as_a_marking():
    assert find_classification_marks("加强内部控制和内部审计") == []
    text = "内部资料\n【内部】\n  内部  \n内部★\n注意内部管理"
    assert [m.raw for m in find_classification_marks(text)] == ["内部"] * 4


def test_traditional_script_markings_are_found():
    assert [m.raw for m in find_classification_marks("機密文件")] == ["機密"]


def test_word_list_is_script_case_and_space_insensitive():
    text = "其中提到壞 詞和 BAD Word 两处"
    found = find_words(text, ["坏词", "bad word"])
    assert [m.raw for m in found] == ["壞 詞", "BAD Word"]
    assert found[0].start == text.index("壞")


def test_empty_word_list_and_blank_words_find_nothing():
    assert find_words("任何文字", []) == []
    assert find_words("任何文字", ["  "]) == []


def test_detect_orders_and_does_not_overlap():
    number, mobile = valid_id(), "13912345678"
    text = f"秘密 {mobile} {number}"
    assert kinds(text) == [(Kind.CLASSIFICATION, "秘密"), (Kind.MOBILE, mobile),
                           (Kind.ID_NUMBER, number)]


def test_hostile_text_is_just_text():
    assert detect("<script>alert('秘密')</script>")[0].raw == "秘密"
    assert detect("") == []


# --- masks --------------------------------------------------------------------------

def test_masks_follow_common_practice():
    assert mask(Kind.ID_NUMBER, "440106199003071234") == "4401**********1234"
    assert mask(Kind.ID_NUMBER, "11010519491231002x") == "1101**********002X"
    assert mask(Kind.MOBILE, "13812345678") == "138****5678"
    assert mask(Kind.MOBILE, "138-1234-5678") == "138-****-5678"
    assert mask(Kind.BANK_CARD, "6222021234567890") == "6222 **** **** 7890"
    assert mask(Kind.BANK_CARD, "6222 0212 3456 7890") == "6222 **** **** 7890"
    assert mask(Kind.BANK_CARD, "6228480123456789012") == "6228 **** **** *** 9012"
    assert mask(Kind.CLASSIFICATION, "机密") == "**"
    assert mask(Kind.WORD, "坏词") == "**"


def test_masked_forms_are_not_found_again():
    for match in detect(f"{valid_id()} 13812345678 {luhn_complete('622202123456789')}"):
        assert detect(mask(match.kind, match.raw)) == []
