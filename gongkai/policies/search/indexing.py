"""Writing the index. The document services call ``index_document`` in the transaction
that saves a document, so the index never lags; every document is indexed and who may
read it is decided when reading. Bulk indexing (``reindex_all``, the benchmark) segments
in worker processes while this one writes."""
import atexit
import multiprocessing
import os
import threading
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor

from django.db import connection

from gongkai.policies import text as ptext
from gongkai.policies.docnumber import parse_doc_number
from gongkai.policies.models import DocumentAttachment, PolicyDocument
from gongkai.policies.search import abbrev
from gongkai.policies.search.backends import backend

# Indexing many documents at once segments them in worker processes (the writes stay in
# this process and its transaction) from this many documents up.
PARALLEL_MIN_DOCUMENTS = 200
WRITE_CHUNK = 100
# Segmented bodies beyond this are cut: PostgreSQL refuses tsvectors over 1 MB, and
# nobody searches for the millionth character of a document.
MAX_BODY_CHARS = 400_000


def _number_text(doc_number: str) -> str:
    parsed = parse_doc_number(doc_number)
    return parsed.canonical if parsed else doc_number


def _body_text(body_text: str, attachment_texts: Iterable[str]) -> str:
    parts = [body_text or "", *(t for t in attachment_texts if t)]
    return "\n".join(parts)[:MAX_BODY_CHARS]


def fields_of(document: PolicyDocument, attachment_texts: Iterable[str] | None = None
              ) -> tuple[int, str, str, str]:
    """(id, title, 文号, body with the attachments' text) as written."""
    if attachment_texts is None:
        attachment_texts = document.attachments.values_list("text", flat=True)
    return (document.pk, document.title, _number_text(document.doc_number),
            _body_text(document.body_text, attachment_texts))


def row_of(document: PolicyDocument, attachment_texts: Iterable[str] | None = None) -> tuple:
    """The row the index stores for ``document`` on this database."""
    return backend().row_maker(fields_of(document, attachment_texts))


_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def segmenting_pool() -> ProcessPoolExecutor | None:
    """Worker processes for segmenting many documents, or None where they cannot help
    or are not safe: one CPU, or a process running other threads (forking one could
    copy a lock another thread holds). Forked, so the workers share the loaded
    dictionary and settings; kept for the life of the process."""
    global _pool
    if _pool is not None:
        return _pool
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if (cpus or 1) < 2 or threading.active_count() > 1 \
            or "fork" not in multiprocessing.get_all_start_methods() \
            or multiprocessing.parent_process() is not None:
        return None
    with _pool_lock:
        if _pool is None:
            ptext.segment("")  # load the dictionary once, before forking
            _pool = ProcessPoolExecutor(max_workers=cpus,
                                        mp_context=multiprocessing.get_context("fork"))
            atexit.register(_pool.shutdown, cancel_futures=True)
    return _pool


def _write_rows(rows: list[tuple], titles: dict[int, dict[str, int]],
                written: set[str] | None = None, *, counted: bool = True) -> None:
    if rows:
        with connection.cursor() as cursor:
            backend().write_rows(cursor, rows, counted=counted)
            abbrev.write(cursor, titles, written)


def indexed_row(fields: tuple[int, str, str, str]) -> tuple[tuple, dict[str, int]]:
    """(the row the index stores, the title's abbreviation candidates): the work of a
    segmenting worker for one document."""
    return backend().row_maker(fields), abbrev.title_terms(fields[1])


def index_document(document: PolicyDocument) -> None:
    """Write (or rewrite) ``document`` in the index. Call inside the transaction that
    saves it. Every document is indexed; visibility is decided when reading."""
    _write_rows([row_of(document)], {document.pk: abbrev.title_terms(document.title)})


def index_ids(ids: list[int], *, counted: bool = True) -> int:
    """Index (or re-index) the documents with these ids with a few statements: the
    columns the index needs and the attachments' text are read with two queries; from
    ``PARALLEL_MIN_DOCUMENTS`` up the text is segmented by worker processes while this
    one writes what they return. ``counted``: the words' counts kept as they are
    written (else the caller makes them again: ``Backend.recount``)."""
    attachments: dict[int, list[str]] = {}
    for document_id, text in (DocumentAttachment.objects.filter(document_id__in=ids)
                              .order_by("pk").values_list("document_id", "text")):
        attachments.setdefault(document_id, []).append(text)
    rows = (PolicyDocument.objects.filter(pk__in=ids).order_by("pk")
            .values_list("pk", "title", "doc_number", "body_text"))
    return _index_fields([(pk, title, _number_text(number),
                           _body_text(body, attachments.get(pk, ())))
                          for pk, title, number, body in rows], counted=counted)


def _index_fields(fields: list[tuple[int, str, str, str]], *, counted: bool = True) -> int:
    pool = segmenting_pool() if len(fields) >= PARALLEL_MIN_DOCUMENTS else None
    rows = (pool.map(indexed_row, fields, chunksize=10) if pool is not None
            else map(indexed_row, fields))
    chunk: list[tuple] = []
    titles: dict[int, dict[str, int]] = {}
    written: set[str] = set()  # in this call's transaction (the caller's)
    for row, terms in rows:
        chunk.append(row)
        titles[row[0]] = terms
        if len(chunk) == WRITE_CHUNK:
            _write_rows(chunk, titles, written, counted=counted)
            chunk, titles = [], {}
    _write_rows(chunk, titles, written, counted=counted)
    return len(fields)


def unindex_document(document_id: int) -> None:
    with connection.cursor() as cursor:
        backend().delete_rows(cursor, [document_id])
        abbrev.delete(cursor, [document_id])


def finish_bulk_indexing() -> None:
    """After many documents were indexed at once (on PostgreSQL: the GIN indexes'
    pending lists flushed, statistics refreshed)."""
    with connection.cursor() as cursor:
        backend().finish_bulk(cursor)


def reindex_all(*, batch_size: int = 1000) -> int:
    """Rebuild the whole index from the documents (after a dictionary change; once, an
    index written in an earlier ``INDEX_FORMAT``)."""
    with connection.cursor() as cursor:
        backend().ensure_schema(cursor)
        abbrev.ensure_schema(cursor)
        backend().delete_rows(cursor, None)
        abbrev.delete(cursor, None)
    count = 0
    ids = list(PolicyDocument.objects.order_by("pk").values_list("pk", flat=True))
    # (The words' counts made once at the end: a rebuild is one transaction, see
    # ``Backend.recount``.)
    for start in range(0, len(ids), batch_size):
        count += index_ids(ids[start:start + batch_size], counted=False)
    with connection.cursor() as cursor:
        backend().recount(cursor)
        backend().stamp(cursor)
    finish_bulk_indexing()
    with connection.cursor() as cursor:
        backend().after_rebuild(cursor)
    return count
