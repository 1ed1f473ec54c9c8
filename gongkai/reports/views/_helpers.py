"""The one place the views turn a service's ``ApplicationError`` into a message."""
from collections.abc import Callable

from django.contrib import messages

from gongkai.core.errors import ApplicationError


def attempt(request, step: Callable[[], object], done: str):
    """Run ``step``; on success show ``done`` and return its result, on a refusal show
    the service's Chinese message and return None."""
    try:
        result = step()
    except ApplicationError as error:
        messages.error(request, error.message)
        return None
    messages.success(request, done)
    return result if result is not None else True
