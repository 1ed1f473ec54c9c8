"""The answering index, held in the database beside the entries it indexes.

Each published public entry has its words (``QaPosting``: the entry's saturated BM25F
weight of the word) and the pinyin bigrams of each of its phrasings (``QaGram``);
``QaTerm`` counts, for every word and bigram, the entries holding it, and gives a word's
pinyin so that a question typed with the wrong character of the same sound still finds
it. Changing one entry writes the difference between its rows and those of its new
text (and the counters of the words gained or lost), in its own transaction: every
process answers from the same, current index, and none holds it in memory. See
``gongkai.qa.retrieval``.
"""
from django.db import models

from gongkai.qa.models.library import QaEntry

KEY_MAX = 40


class QaTerm(models.Model):
    """A word of the indexed entries, or (``~`` first) a pinyin bigram of their
    phrasings, and how many indexed entries hold it."""

    key = models.CharField(max_length=KEY_MAX, primary_key=True)
    df = models.PositiveIntegerField(default=0)
    pinyin = models.CharField(max_length=80, blank=True, db_index=True,
                              help_text="toneless pinyin of a 2–4 character word")

    def __str__(self) -> str:
        return f"{self.key} ({self.df})"


class QaPosting(models.Model):
    term = models.CharField(max_length=KEY_MAX)
    entry = models.ForeignKey(QaEntry, on_delete=models.CASCADE, related_name="+")
    weight = models.FloatField(help_text="tf~ / (k1 + tf~), the BM25F saturated frequency")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["term", "entry"],
                                               name="qa_posting_once")]
        # Covers the candidate query (term → entries and weights) without the table.
        indexes = [models.Index(fields=["term", "entry", "weight"], name="qa_posting_lookup")]

    def __str__(self) -> str:
        return f"{self.term} → {self.entry_id}"


class QaGram(models.Model):
    gram = models.CharField(max_length=KEY_MAX)
    entry = models.ForeignKey(QaEntry, on_delete=models.CASCADE, related_name="+")
    phrase = models.PositiveSmallIntegerField(help_text="0: the question; 1…: other phrasings")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["gram", "entry", "phrase"],
                                               name="qa_gram_once")]

    def __str__(self) -> str:
        return f"{self.gram} → {self.entry_id}/{self.phrase}"


class QaIndexedEntry(models.Model):
    """What the index holds of one entry: the lengths its weights were computed with,
    the size of each phrasing's bigram set, the content words of its question (how much
    of the entry a question covers) and the keys it added to ``QaTerm``."""

    entry = models.OneToOneField(QaEntry, on_delete=models.CASCADE, primary_key=True,
                                 related_name="indexed")
    lengths = models.JSONField(default=dict)
    phrase_sizes = models.JSONField(default=list)
    question_words = models.JSONField(default=list)
    keys = models.JSONField(default=list)

    def __str__(self) -> str:
        return str(self.entry_id)


class QaIndexStats(models.Model):
    """The one row (pk 1): how many entries are indexed and their field lengths, from
    which idf and the BM25 length normalisation are computed."""

    entries = models.PositiveIntegerField(default=0)
    question_length = models.PositiveBigIntegerField(default=0)
    alternatives_length = models.PositiveBigIntegerField(default=0)
    answer_length = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.entries} entries"
