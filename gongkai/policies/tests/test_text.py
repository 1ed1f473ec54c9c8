from gongkai.policies.text import (
    SUB_CLOSE,
    SUB_OPEN,
    highlight,
    query_terms,
    readable,
    segment,
    snippet,
    term_pattern,
)


def words(segmented: str) -> list[str]:
    """The tokens the index sees (the separators are non-word characters)."""
    for mark in (SUB_OPEN, SUB_CLOSE, "\x1f"):
        segmented = segmented.replace(mark, " ")
    return segmented.split()


def test_traditional_and_simplified_segment_identically():
    assert segment("關於進一步推進政務公開工作的實施意見") == segment(
        "关于进一步推进政务公开工作的实施意见")
    assert query_terms("政務公開") == query_terms("政务公开") == ["政务公开"]


def test_full_width_characters_are_normalised():
    assert query_terms("ＡＢＣ　２０２２") == ["abc", "2022"]


def test_index_adds_the_words_inside_longer_words():
    tokens = words(segment("政务公开工作"))
    assert {"政务公开", "政务", "公开", "工作"} <= set(tokens)


def test_unit_names_from_the_registry_stay_whole():
    tokens = words(segment("区发展改革局和区政务公开办联合发文"))
    assert "区发展改革局" in tokens and "区政务公开办" in tokens
    # Also found without the 区 prefix, as people type it.
    assert "发展改革局" in tokens
    assert query_terms("发展改革局") == ["发展改革局"]


def test_policy_terms_from_the_shipped_list_stay_whole():
    assert "行政规范性文件" in query_terms("行政规范性文件清理")
    assert "一网通办" in query_terms("推进一网通办")


def test_query_terms_drop_punctuation_repeats_and_function_words():
    assert query_terms("公开、公开；的（公开）") == ["公开"]
    assert query_terms("的") == ["的"]
    assert query_terms('"*NEAR( AND OR') == ["near", "and", "or"]
    assert query_terms("") == []
    assert len(query_terms("政务公开 " * 5000)) == 1


def test_readable_restores_the_text_and_escapes_everything_but_marks():
    segmented = segment("推进政务公开 <b>x</b>")
    highlighted = segmented.replace("政务公开\x02", "\x0e政务公开\x0f\x02")
    assert readable(highlighted) == "推进<mark>政务公开</mark> &lt;b&gt;x&lt;/b&gt;"


def test_a_match_on_a_word_inside_highlights_the_whole_word():
    segmented = segment("政务公开").replace(" 公开", " \x0e公开\x0f")
    assert readable(segmented) == "<mark>政务公开</mark>"


def test_readable_copes_with_a_fragment_cut_inside_added_words():
    segmented = segment("推进政务公开工作")
    cut = segmented[segmented.index(SUB_OPEN) + 2:]
    assert readable(cut) == "工作"
    assert readable(None) == ""


def test_prepare_equals_the_shared_normalize():
    from gongkai.core.text import normalize
    from gongkai.policies.text import prepare

    for sample in ("關於進一步推進政務公開工作的實施意見", "关于进一步推进政务公开工作", "乾隆年间 干燥 乾燥",
                   "ＡＢＣ　２０２２ 什麼 什么", "  多个   空格\n换行 ", "後來的頭髮", ""):
        assert prepare(sample) == normalize(sample)


def _snippet(text: str, query: str) -> str:
    return snippet(segment(text), term_pattern(query_terms(query)))


def test_snippet_marks_whole_words_and_words_inside_longer_ones():
    html = _snippet("推进政务公开工作，公开征求意见。", "公开")
    assert html.count("<mark>") == 2
    assert "<mark>政务公开</mark>" in html and "<mark>公开</mark>征求" in html


def test_snippet_does_not_mark_a_word_that_only_shares_characters():
    # 开工 is a token of its own here; the query word 公开 is not inside it.
    html = _snippet("项目开工建设", "公开")
    assert "<mark>" not in html and html.startswith("项目开工建设")


def test_snippet_is_taken_where_most_query_words_meet():
    filler = "本区持续优化营商环境。" * 40
    text = filler + "数据" + filler + "政务公开与数据开放同步推进。" + filler
    html = _snippet(text, "政务公开 数据")
    assert "<mark>政务公开</mark>与<mark>数据</mark>" in html
    assert html.startswith("…") and html.endswith("…")


def test_snippet_without_a_match_shows_the_beginning_and_escapes():
    html = _snippet("<b>第一条</b> 为了规范管理" + "，制定本办法" * 50, "不存在的词")
    assert html.startswith("&lt;b&gt;第一条&lt;/b&gt;") and html.endswith("…")
    assert "<mark>" not in html


def test_highlight_marks_a_traditional_query_in_a_simplified_title():
    pattern = term_pattern(query_terms("政務公開"))
    assert highlight(segment("关于推进政务公开的通知"), pattern) == \
        "关于推进<mark>政务公开</mark>的通知"


def test_snippet_is_taken_at_a_whole_word_not_at_letters_inside_a_token():
    # "tax" inside the token "syntax" near the start is no occurrence of the word tax;
    # the window is cut around the whole word far down the body.
    filler = " 本区 持续 优化 营商 环境 。" * 40
    body = "syntax" + filler + " tax 减免 申报" + filler
    html = snippet(body, term_pattern(["tax"]))
    assert html.startswith("…") and "<mark>tax</mark>" in html
    assert "syntax" not in html
