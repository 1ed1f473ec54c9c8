"""Running a service from a view: the one place a refusal becomes what the page shows.

A view reads top to bottom — find the permitted object, bind the form, call the service,
redirect — and leaves the middle to ``attempt``::

    if request.method == "POST" and form.is_valid():
        saved = attempt(request, lambda: entry_update(entry=entry, ...), form=form,
                        conflict=form, success=_("已保存。"))
        if saved.ok:
            return redirect("qa:staff_entry", pk=entry.pk)
    return render(request, "qa/staff_entry_form.html", {"form": form}, status=...)

A service says "not valid now" by raising ``ApplicationError`` with a Chinese message
(``gongkai/core/errors.py``); where that message goes is the page's choice:

- ``form`` given: into the form, so the page is shown again with everything typed. An
  error that names fields (``details["errors"]``, field → message, or
  ``details["field"]``) goes to those fields, any other to ``field`` (None: the
  non-field errors at the top).
- no form: a ``messages.error`` shown after the redirect.
- ``show_error=False``: nowhere; the page reads ``outcome.error`` itself (a list of
  bad rows, a result per report of a batch).

``conflict`` is the versioned form to show a ``StaleEdit`` in (both versions side by
side, ``core/versioning.show_conflict``); without it a stale edit is one more refusal.
Permission failures (``PermissionDenied``, ``Http404``) are not refusals and pass
through untouched.
"""
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from django import forms
from django.contrib import messages
from django.http import HttpRequest
from django.utils.functional import Promise

from gongkai.core.errors import ApplicationError
from gongkai.core.versioning import StaleEdit, show_conflict

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What came of the call: ``ok`` with the service's return ``value``, or the
    ``error`` it raised (already shown unless ``show_error=False``)."""

    ok: bool
    value: T | None = None
    error: ApplicationError | None = None

    def __bool__(self) -> bool:
        return self.ok


def attempt(request: HttpRequest, call: Callable[[], T], *,
            success: str | Callable[[T], str] | None = None,
            form: forms.Form | None = None, field: str | None = None,
            conflict: forms.Form | None = None,
            conflict_fields: Sequence[str] | None = None,
            show_error: bool = True) -> Outcome[T]:
    """Run ``call`` (a service with its arguments bound, usually a lambda).

    On success show ``success`` (a text, or a function of the returned value; None:
    nothing) as ``messages.success``. On ``ApplicationError`` show it as the module
    docstring says and return a failed ``Outcome``; ``conflict`` / ``conflict_fields``
    show a ``StaleEdit`` in that form instead.
    """
    try:
        value = call()
    except ApplicationError as error:
        if conflict is not None and isinstance(error, StaleEdit):
            show_conflict(conflict, error, fields=conflict_fields)
        elif show_error and form is not None:
            error_to_form(form, error, field=field)
        elif show_error:
            messages.error(request, error.message)
        return Outcome(ok=False, error=error)
    if success is not None:
        said = success if isinstance(success, str | Promise) else success(value)
        messages.success(request, said)
    return Outcome(ok=True, value=value)


def error_to_form(form: forms.Form, error: ApplicationError, *,
                  field: str | None = None) -> None:
    """Attach ``error`` to the fields it names (every field at once when the service
    checked them all), else to ``field`` (None: the form as a whole)."""
    named = error.details.get("errors")
    if not isinstance(named, dict) or not named:
        named = {error.details.get("field") or field: error.message}
    for name, message in named.items():
        form.add_error(name if name in form.fields else field, message)
