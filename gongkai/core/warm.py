"""A web worker made ready before it serves: what the policy search and the Q&A load
once a process (dictionaries, tables, the lexicon's sounds, the Q&A's index), the views
and the first pages' templates are loaded
when gunicorn starts the worker (``deploy/gunicorn.conf.py``: ``post_worker_init``),
not during the first visitors' searches and questions — 2–4 s each time a worker
starts, and gunicorn replaces a worker after ``max_requests``. The other workers serve
meanwhile."""
import logging
import time

from django.db import connections
from django.template.loader import get_template
from django.urls import get_resolver

log = logging.getLogger(__name__)

# A resident's question in everyday words: its reading goes through every step of the
# Q&A's (the everyday lexicon, the segmenter, the index).
WARM_QUESTION = "孩子上幼儿园要不要摇号"
# The pages most visitors open first: their templates compiled (the cached loader keeps
# them for the process).
WARM_TEMPLATES = ("portal/home.html", "policies/library_home.html",
                  "policies/library_search.html", "qa/ask.html")


def warm_worker() -> float:
    """Load them; the seconds it took. A failure (a database not migrated yet) is
    logged and left to the first visitors: the worker serves either way."""
    from gongkai.policies.search.warm import warm_process
    from gongkai.qa.services.answering import answer_question

    started = time.perf_counter()
    try:
        # Every view imported (the first request imported the URL configuration's
        # modules: half a second).
        get_resolver().url_patterns  # noqa: B018 - read to import them
        for name in WARM_TEMPLATES:
            get_template(name)
        warm_process()
        answer_question(text=WARM_QUESTION, record=False)
    except Exception:  # noqa: BLE001 - whatever it is, the worker must still serve
        log.warning("the worker's warm-up failed; its first requests load what it needs",
                    exc_info=True)
    finally:
        # (Each worker opens its own connections when it serves.)
        connections.close_all()
    took = time.perf_counter() - started
    log.info("worker warmed in %.1f s", took)
    return took
