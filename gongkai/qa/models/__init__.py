"""The Q&A app's models: the library, its log and queue (``library``), and the index
held in the database that answers questions (``index``)."""
from gongkai.qa.models.index import QaGram, QaIndexedEntry, QaIndexStats, QaPosting, QaTerm
from gongkai.qa.models.library import (
    ALTERNATIVES_MAX,
    ANSWER_MAX,
    QUESTION_MAX,
    SOURCES_MAX,
    Outcome,
    PendingQuestion,
    PendingStatus,
    QaEntry,
    QaSettings,
    QaTopic,
    QuestionLog,
    Rating,
)

__all__ = [
    "ALTERNATIVES_MAX", "ANSWER_MAX", "QUESTION_MAX", "SOURCES_MAX", "Outcome",
    "PendingQuestion", "PendingStatus", "QaEntry", "QaGram", "QaIndexStats",
    "QaIndexedEntry", "QaPosting", "QaSettings", "QaTerm", "QaTopic", "QuestionLog", "Rating",
]
