"""One backend module per database behind the small interface of ``base``; ``backend()``
is the one place that looks at which database a connection is."""
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections

from gongkai.policies.search.backends.base import TABLE, Backend, Matcher
from gongkai.policies.search.backends.postgresql import PostgresBackend
from gongkai.policies.search.backends.sqlite import SqliteBackend

__all__ = ["TABLE", "Backend", "Matcher", "backend"]

_BACKENDS: dict[str, Backend] = {b.vendor: b for b in (SqliteBackend(), PostgresBackend())}


def backend(using: str | None = None) -> Backend:
    """The backend of the connection ``using`` (default: the current one)."""
    vendor = (connections[using] if using else connection).vendor
    try:
        return _BACKENDS[vendor]
    except KeyError:
        raise ImproperlyConfigured(
            f"The policy search supports SQLite and PostgreSQL, not {vendor}.") from None
