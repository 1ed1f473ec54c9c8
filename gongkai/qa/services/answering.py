"""Answering a question from the library, and the in-memory index behind it.

Each process keeps one index of the published public entries. Before every question it
compares the index's stamp with the one in the database (one indexed read); any change
of an entry or a synonym sets a new stamp (see ``gongkai.qa.receivers``), and the next
question rebuilds the index. Building takes seconds at 100,000 entries and happens once
per change and process, not per question, and in the background once the library is
large (see ``current_index``).
"""
import threading
from dataclasses import dataclass, field

from django.db import connection, transaction
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
    Synonym,
)
from gongkai.qa.retrieval.explain import Explanation, explain
from gongkai.qa.retrieval.index import EntryDoc, Hit, QaIndex, Query
from gongkai.qa.retrieval.text import SynonymTable
from gongkai.qa.services.settings import index_version, qa_settings

MATCH_LIMIT = 5
BACKGROUND_REBUILD_FROM = 5000  # entries
_lock = threading.Lock()
_current: dict[str, QaIndex] = {}


def answerable_entries():
    """The entries that answer the public: published, for the public."""
    return QaEntry.objects.filter(publication_status=PublicationStatus.PUBLISHED,
                                  audience=Audience.PUBLIC)


def synonym_table() -> SynonymTable:
    return SynonymTable.from_mapping(dict(Synonym.objects.values_list("term", "canonical")))


def index_build(*, version: int | None = None) -> QaIndex:
    """A fresh index of the answerable entries."""
    rows = answerable_entries().order_by("id").values_list(
        "id", "question", "alternatives", "answer")
    docs = (EntryDoc(id=pk, question=q, alternatives=tuple(alts or ()), answer=a)
            for pk, q, alts, a in rows.iterator(chunk_size=2000))
    return QaIndex(docs, synonym_table(), version=version or 0)


def current_index() -> QaIndex:
    """This process's index, rebuilt if the library changed since it was built.

    A small library is rebuilt before answering. A large one (seconds to rebuild) keeps
    answering from the previous index while a background thread builds the new one, so
    no visitor waits for the rebuild; the change shows once it is done.
    """
    version = index_version()
    found = _current.get("index")
    if found is not None and found.version == version:
        return found
    if found is not None and found.size >= BACKGROUND_REBUILD_FROM:
        _rebuild_in_background(version)
        return found
    with _lock:
        found = _current.get("index")
        if found is None or found.version != version:
            found = _current["index"] = index_build(version=version)
    return found


def _rebuild_in_background(version: int) -> None:
    if not _lock.acquire(blocking=False):
        return  # a rebuild is already running

    def build() -> None:
        try:
            _current["index"] = index_build(version=version)
        finally:
            connection.close()
            _lock.release()

    threading.Thread(target=build, name="qa-index-rebuild", daemon=True).start()


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
    def best(self) -> Hit | None:
        return self.matches[0] if self.matches else None


def answer_question(*, text: str, record: bool = True, limit: int = MATCH_LIMIT) -> Answer:
    """Match ``text`` against the library. Above the answer threshold the best entry
    answers; above the suggest threshold the closest questions are offered; below it the
    question is queued for a unit. ``record`` logs the question (without personal data)."""
    text = (text or "").strip()[:QUESTION_MAX]
    tuning = qa_settings()
    query, hits = current_index().search(text, limit=limit)
    hits = [h for h in hits if h.confidence >= tuning.suggest_threshold]
    if hits and hits[0].confidence >= tuning.answer_threshold:
        outcome = Outcome.ANSWERED
    else:
        outcome = Outcome.SUGGESTED if hits else Outcome.UNANSWERED
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


def question_explain(*, text: str, limit: int = MATCH_LIMIT
                     ) -> tuple[Answer, list[Explanation]]:
    """For staff: the answer the public would get, without logging it, and why each
    match matched."""
    answer = answer_question(text=text, record=False, limit=limit)
    index = current_index()
    query, hits = index.search(answer.text, limit=limit)
    rows = QaEntry.objects.in_bulk([h.id for h in hits])
    explanations = [
        explain(index, answer.text, EntryDoc(id=e.pk, question=e.question,
                                             alternatives=tuple(e.alternatives or ()),
                                             answer=e.answer))
        for e in (rows.get(h.id) for h in hits) if e is not None]
    answer.query = query
    return answer, explanations
