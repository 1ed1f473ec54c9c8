"""Writes of the Q&A app. Other apps import from here:

- ``answer_question(*, text, record=True, limit=5) -> Answer``;
  ``question_explain(*, text, limit=5) -> (Answer, [Explanation])``;
  ``current_index() -> QaIndex``;
- ``entry_create(*, data, unit, actor, pending=None)``, ``entry_update(*, entry, data,
  actor)``, ``entry_submit(*, entry, actor)``, ``entries_import(*, upload, unit, actor)``;
- ``rating_record(*, log, entry, useful)``; the pending queue and synonym services.
"""
