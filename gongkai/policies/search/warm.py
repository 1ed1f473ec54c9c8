"""What a process loads once for its searches, loaded before its first: jieba's
dictionary and the segmenter, the traditional-script tables, the homophones, the
written forms, and the lexicon's terms by sound and near forms. Left to the first searches that need
them, they cost a visitor 2–4 s (a web worker replaced after ``max_requests`` starts
cold again); ``gongkai.core.warm`` calls this when a web worker starts."""
import time
from collections.abc import Callable

from gongkai.lexicon.models import Reader
from gongkai.lexicon.selectors import cached_lexicon
from gongkai.policies import text as ptext
from gongkai.policies.search import reading, typos, words


def _loaders() -> list[tuple[str, Callable[[], object]]]:
    return [
        ("segmenter", ptext._segmenter),
        ("traditional script", ptext._t2s_converter),
        ("traditional characters", ptext._traditional_triggers),
        ("dictionary", words._dictionary),
        ("dictionary's other words", words._other_words),
        ("readings", typos._readings),
        ("homophones", typos._homophones),
        ("written forms", reading._written_table),
        # (Read from the lexicon: kept for this process's lexicon, the one its
        # searches read until the office edits it.)
        ("lexicon terms by sound",
         lambda: reading._terms_by_sound(cached_lexicon(Reader.SEARCH))),
        ("lexicon near forms", lambda: reading.near_forms(cached_lexicon(Reader.SEARCH))),
    ]


def warm_process() -> list[tuple[str, float]]:
    """Load them; (what, seconds) of each."""
    took = []
    for name, load in _loaders():
        started = time.perf_counter()
        load()
        took.append((name, time.perf_counter() - started))
    return took
