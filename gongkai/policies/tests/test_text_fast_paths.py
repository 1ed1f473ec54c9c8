"""The shortcuts in ``prepare`` give exactly what the plain conversion gives."""
import re
import unicodedata

import pytest

from gongkai.core.text import to_traditional
from gongkai.policies import text as ptext

SIMPLIFIED = "关于进一步推进政务公开工作的实施意见，覆盖全区；各单位（含街道）遵照执行。"


def plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", ptext._CONTROL.sub(" ", text))
    return re.sub(r"\s+", " ", ptext._t2s_converter().convert(text)).strip()


@pytest.mark.parametrize("text", [
    SIMPLIFIED,
    to_traditional(SIMPLIFIED),
    SIMPLIFIED + "他反覆说明，乾隆年间的事。" + to_traditional("优化营商环境"),
    "Ａ\u0301ｂ\u3000ｃ…（２０２２）４８号",  # full width with a combining accent
    "㈱ ﬁ ① ｶﾀｶﾅ\x07",  # compatibility characters the fast path does not map
    "",
])
def test_prepare_equals_nfkc_then_full_opencc(text):
    assert ptext.prepare(text) == plain(text)
