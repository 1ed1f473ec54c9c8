"""Sharing one scan between several measures within one pass.

Some modules compute several indicators from the same rows (applications replied on
time and overdue; messages in time and late). Inside ``measuring_pass()`` a function
decorated with ``per_pass`` runs once per set of arguments; outside a pass it runs
every time, so nothing stale outlives the request or command that asked.
"""
import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps

_memo: contextvars.ContextVar[dict | None] = contextvars.ContextVar("memo", default=None)


@contextmanager
def measuring_pass() -> Iterator[None]:
    token = _memo.set({}) if _memo.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _memo.reset(token)


def per_pass(fn: Callable) -> Callable:
    @wraps(fn)
    def wrapper(**kwargs):
        memo = _memo.get()
        if memo is None:
            return fn(**kwargs)
        key = (fn.__module__, fn.__qualname__, tuple(sorted(kwargs.items())))
        if key not in memo:
            memo[key] = fn(**kwargs)
        return memo[key]

    return wrapper
