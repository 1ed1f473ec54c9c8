"""The Q&A's background work: the learned model's vectors of changed entries."""
from huey.contrib.djhuey import db_task

from gongkai.qa.retrieval import vectors


@db_task()
def entry_vectors_fill(entry_ids: list[int]) -> int:
    """Compute the vectors of ``entry_ids`` that are missing or stale (after the commit
    that changed them: the change is live at once, its vectors follow)."""
    return vectors.entries_fill(entry_ids)
