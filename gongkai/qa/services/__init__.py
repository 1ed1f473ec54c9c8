"""Writes of the Q&A app. Other apps import from here:

- ``answer_question(*, text, record=True, limit=5) -> Answer``;
  ``question_explain(*, text, limit=5) -> Answer`` (its query holds the expansions);
  ``entry_index_sync(*, entry_id)``, ``index_rebuild_all()``;
- ``entry_create(*, data, unit, actor, pending=None)``, ``entry_update(*, entry, data,
  actor)``, ``entry_submit(*, entry, actor)``, ``entries_import(*, upload, unit, actor)``;
- ``entry_phrasing_add(*, entry, text, actor, pending=None)``;
- ``rating_record(*, log, entry, useful)``; the pending queue services.
"""
