"""Statements written out rather than built by the ORM, for the few hot paths where
building and compiling querysets costs more than the database's work (the policy
search's and the Q&A's index reads and writes). Only table and column names of the
project's own models and placeholders go into their text; every value is a parameter.

On PostgreSQL, statements that do not depend on each other's results are sent in one
round trip (psycopg's pipeline mode): each statement waited for alone is a wake-up of
the server process and of this one, which on a busy machine is a wait for a core each
time. SQLite runs in the process: its statements run one after the other.
"""
import json

from django.db import connection

# Statements that shared a round trip with another since the process started (the
# benchmarks count round trips with it).
SENT_TOGETHER = [0]


def run_together(statements: list[tuple[str, list]], *, fetch: int | None = None
                 ) -> list[list[tuple]]:
    """Run ``(sql, params)`` in order and return the rows of the first ``fetch`` of
    them (all by default: the ones after write and return nothing)."""
    fetch = len(statements) if fetch is None else fetch
    connection.ensure_connection()
    if connection.vendor == "postgresql" and len(statements) > 1:
        cursors = []
        with connection.connection.pipeline():
            for sql, params in statements:
                cursor = connection.cursor()
                cursor.execute(sql, params)
                cursors.append(cursor)
            out = [cursor.fetchall() for cursor in cursors[:fetch]]
        for cursor in cursors:
            cursor.close()
        SENT_TOGETHER[0] += len(statements) - 1
        return out
    out = []
    with connection.cursor() as cursor:
        for i, (sql, params) in enumerate(statements):
            cursor.execute(sql, params)
            if i < fetch:
                out.append(cursor.fetchall())
    return out


def placeholders(values) -> str:
    """``%s, %s, …``, one for each of ``values``."""
    return ", ".join(["%s"] * len(values))


def json_value(value):
    """A JSON column as read by a written-out statement: text on SQLite (decoded
    here), already decoded by psycopg on PostgreSQL."""
    return json.loads(value) if isinstance(value, str | bytes) else value
