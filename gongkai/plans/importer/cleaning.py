"""Punctuation clean-up for parsed plan text (normalising is gongkai.core.text's)."""
import re

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_ASCII_PUNCT = re.compile(rf"(?<=[{_CJK}])[,;:!?()]|[,;:!?()](?=[{_CJK}])")


def prettify(text: str) -> str:
    """Full-width punctuation back in Chinese text, after NFKC made it ASCII."""
    return _ASCII_PUNCT.sub(lambda m: _FULL_WIDTH[m.group(0)], text)
