"""Answering a question from the library, and keeping the index in step with it.

The index lives in the database (``gongkai.qa.retrieval``): an entry is indexed when it
is published for the public and taken out when it is withdrawn, restricted or deleted,
in the transaction that changes it (see ``gongkai.qa.receivers``). Every process
therefore answers from the same index, current to the last commit, and none rebuilds
anything.
"""
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from gongkai.core.text import normalize
from gongkai.publishing.models import Audience, PublicationStatus
from gongkai.qa.models import (
    QUESTION_MAX,
    Outcome,
    PendingQuestion,
    PendingStatus,
    QaEntry,
    QuestionLog,
)
from gongkai.qa.retrieval.features import EntryText
from gongkai.qa.retrieval.scope import OFF_TOPIC, off_topic
from gongkai.qa.retrieval.search import Hit, Query, related, search
from gongkai.qa.retrieval.store import index_entry_put, index_entry_remove, index_rebuild
from gongkai.qa.services.settings import qa_settings

MATCH_LIMIT = 5


def answerable_entries():
    """The entries that answer the public: published, for the public."""
    return QaEntry.objects.filter(publication_status=PublicationStatus.PUBLISHED,
                                  audience=Audience.PUBLIC)


def _text_of(entry: QaEntry) -> EntryText:
    return EntryText(id=entry.pk, question=entry.question,
                     alternatives=tuple(entry.alternatives or ()), answer=entry.answer)


def entry_index_sync(*, entry_id: int) -> None:
    """Index the entry if it answers the public, else make sure it is not indexed."""
    entry = answerable_entries().filter(pk=entry_id).first()
    if entry is None:
        index_entry_remove(entry_id)
    else:
        index_entry_put(_text_of(entry))


def index_rebuild_all() -> int:
    """Rebuild the whole index (a fresh install or ``manage.py qa_reindex``)."""
    rows = answerable_entries().order_by("id").iterator(chunk_size=2000)
    return index_rebuild(_text_of(entry) for entry in rows)


def question_key(text: str) -> str:
    """The normalised form a question is logged and queued under."""
    return normalize(text)[:QUESTION_MAX]


@dataclass
class Answer:
    """What the public sees: the outcome, the matches with their confidence, and the log
    row their ratings attach to."""

    text: str
    outcome: str
    matches: list[Hit]
    query: Query | None = None
    log: QuestionLog | None = None
    pending: PendingQuestion | None = None
    threshold: float = 0.0
    entries: dict[int, QaEntry] = field(default_factory=dict)

    @property
    def answered(self) -> bool:
        return self.outcome == Outcome.ANSWERED

    @property
    def out_of_scope(self) -> bool:
        return self.outcome == Outcome.OUT_OF_SCOPE

    @property
    def best(self) -> Hit | None:
        return self.matches[0] if self.matches else None


def outcome_of(hits: list[Hit], *, answer_threshold: float, scope: str = "") -> str:
    """``hits``: the matches above the suggest threshold."""
    if scope:
        return Outcome.OUT_OF_SCOPE
    if hits and hits[0].confidence >= answer_threshold:
        return Outcome.ANSWERED
    return Outcome.SUGGESTED if hits else Outcome.UNANSWERED


def answer_question(*, text: str, record: bool = True, limit: int = MATCH_LIMIT) -> Answer:
    """Match ``text`` against the library. Above the answer threshold the best entry
    answers; above the suggest threshold the closest questions are offered; below it the
    question is queued for a unit, unless it is not a question for the library at all
    (greetings, the weather …, or a question hardly touching the vocabulary of
    government services: ``gongkai.qa.retrieval.scope``). ``record`` logs the question (without personal data)."""
    text = (text or "").strip()[:QUESTION_MAX]
    tuning = qa_settings()
    query, hits = search(text, limit=limit)
    hits = [h for h in hits if h.confidence >= tuning.suggest_threshold]
    if not query.scope and off_topic(query.coverage, anything_shown=any(
            related(query, hit) for hit in hits)):
        query.scope = OFF_TOPIC
        hits = []  # what it shares with them are everyday words: nothing to suggest
    outcome = outcome_of(hits, answer_threshold=tuning.answer_threshold, scope=query.scope)
    answer = Answer(text=text, outcome=outcome, matches=hits, query=query,
                    threshold=tuning.answer_threshold)
    if record and text:
        _record(answer)
    return answer


@transaction.atomic
def _record(answer: Answer) -> None:
    best = answer.best
    answer.log = QuestionLog.objects.create(
        text=question_key(answer.text), entry_id=best.id if best else None,
        confidence=min(1.0, max(0.0, best.confidence if best else 0.0)),
        outcome=answer.outcome)
    if answer.outcome == Outcome.UNANSWERED:
        answer.pending = pending_question_queue(text=answer.text)


@transaction.atomic
def pending_question_queue(*, text: str) -> PendingQuestion:
    """Queue ``text`` for a unit to answer, or count it again if it is already queued."""
    key = question_key(text)
    pending = PendingQuestion.objects.select_for_update().filter(
        key=key, status=PendingStatus.OPEN).first()
    if pending is None:
        return PendingQuestion.objects.create(text=text[:QUESTION_MAX], key=key)
    PendingQuestion.objects.filter(pk=pending.pk).update(
        times_asked=F("times_asked") + 1, last_asked_at=timezone.now())
    pending.refresh_from_db()
    return pending


def question_explain(*, text: str, limit: int = MATCH_LIMIT) -> Answer:
    """For staff: the answer the public would get, without logging it; its query holds
    the expansions applied and each match the words that matched."""
    return answer_question(text=text, record=False, limit=limit)


def question_candidates(*, text: str, limit: int = MATCH_LIMIT) -> tuple[Query, list[Hit]]:
    """For staff learning from the queue: the closest entries whatever their confidence
    (a queued question is there because none reached the thresholds)."""
    return search((text or "").strip()[:QUESTION_MAX], limit=limit)
