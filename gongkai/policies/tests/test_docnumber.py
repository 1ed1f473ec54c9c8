import pytest

from gongkai.policies.docnumber import (
    DocNumber,
    citation_word,
    cited,
    find_doc_numbers,
    parse_doc_number,
)


@pytest.mark.parametrize("text, issuer, year, serial", [
    ("国办发〔2022〕8号", "国办发", 2022, 8),
    ("粤府办[2022]17号", "粤府办", 2022, 17),
    ("穗埔府办函（２０２２）４８号", "穗埔府办函", 2022, 48),
    ("穗埔府办函(2022)48号", "穗埔府办函", 2022, 48),
    ("穗埔府办函【2022】48号", "穗埔府办函", 2022, 48),
    ("穗埔府办函［2022］48号", "穗埔府办函", 2022, 48),
    ("穗埔府办函﹝2022﹞48号", "穗埔府办函", 2022, 48),
    (" 穗埔府辦函 〔2022〕 48 号 ", "穗埔府办函", 2022, 48),
    ("国发〔2021〕第3号", "国发", 2021, 3),
    ("粤府办〔2022〕17", "粤府办", 2022, 17),
])
def test_parses_every_bracket_style_digit_width_and_script(text, issuer, year, serial):
    assert parse_doc_number(text) == DocNumber(issuer_code=issuer, year=year, serial=serial)


def test_canonical_spelling_uses_gbt_9704_brackets():
    assert parse_doc_number("穗埔府办函（２０２２）４８号").canonical == "穗埔府办函〔2022〕48号"
    assert str(parse_doc_number("粤府办[2022]17号")) == "粤府办〔2022〕17号"


@pytest.mark.parametrize("text", [
    "", "   ", "国办发", "〔2022〕8号", "国办发2022年8号", "国办发〔22〕8号",
    "国办发〔1800〕8号", "国办发〔2022〕0号", "国办发〔2022〕号", "关于印发通知的通知",
    "国办发〔2022〕8号" * 10, "<script>〔2022〕8号", None,
])
def test_anything_else_is_not_a_doc_number(text):
    assert parse_doc_number(text) is None


def test_numbers_are_found_inside_a_longer_query():
    assert find_doc_numbers("关于 国办发 (2022) 8 号 的解读 粤府办[2022]17号") == [
        DocNumber("国办发", 2022, 8), DocNumber("粤府办", 2022, 17)]
    assert find_doc_numbers("政务公开") == []
    assert find_doc_numbers("x" * 100_000) == []


def test_the_numbers_a_text_cites_are_found_by_year_and_serial_however_written():
    text = "根据穗埔府办规〔2025〕3号、区府[2024] 第 012 号和(2023)7号文，2025年3号楼除外。"
    assert [word for _end, word in cited(text)] == [citation_word(2025, 3),
                                                     citation_word(2024, 12),
                                                     citation_word(2023, 7)]
    # The offset is the 号's, where the index adds the word.
    assert all(text[end] == "号" for end, _word in cited(text))
    # A date, a floor, a year without a serial are no citation.
    assert cited("2025年3月3号") == [] and cited("〔2025〕号") == [] and cited("〔2025〕0号") == []
