"""Text clean-up before parsing: one script, one set of punctuation."""
import re

from gongkai.core.text import normalize

# Conversion artefacts OpenCC's t2s leaves: 谘 is a valid traditional character, so
# 谘询 survives the round trip although the simplified original wrote 咨询.
_ARTEFACTS = {"谘询": "咨询", "谘商": "咨商"}
_ARTEFACT_RE = re.compile("|".join(map(re.escape, _ARTEFACTS)))


def clean(text: str) -> str:
    """NFKC, traditional → simplified, repaired artefacts, single spaces."""
    text = normalize(text)
    return _ARTEFACT_RE.sub(lambda m: _ARTEFACTS[m.group(0)], text)


_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_ASCII_PUNCT = re.compile(rf"(?<=[{_CJK}])[,;:!?()]|[,;:!?()](?=[{_CJK}])")


def prettify(text: str) -> str:
    """Full-width punctuation back in Chinese text, after NFKC made it ASCII."""
    return _ASCII_PUNCT.sub(lambda m: _FULL_WIDTH[m.group(0)], text)
