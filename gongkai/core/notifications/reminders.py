"""The one reminder loop. Each app registers a source, a function of (today, the
working-day calendar) yielding ``Reminder``s; one periodic job runs every source and
tells people through ``services.notify``.

A reminder's key is its source, kind, object, due date and ``step`` (e.g. the working
days left), so a rerun on the same day tells nobody twice, while a due date moved by an
extension gets its own reminders. Sources live in each app's ``reminders`` module,
found by ``autodiscover_modules`` the first time the loop runs.
"""
import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.module_loading import autodiscover_modules

from gongkai.core.notifications.services import notify

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reminder:
    """Tell ``recipients`` about ``obj``: ``kind`` (a ``NotificationKind``) and its
    ``due`` date, in ``text``, linking to ``url``."""

    recipients: tuple
    obj: models.Model
    kind: str
    due: dt.date | None
    text: str
    url: str = ""
    step: str = ""  # tells apart several reminders of the same due date
    mail_subject: str = ""

    def key(self, source: str) -> str:
        label = self.obj._meta.label_lower
        return f"remind.{source}:{self.kind}:{label}:{self.obj.pk}:{self.due or ''}:{self.step}"


Source = Callable[..., Iterable[Reminder]]
_SOURCES: dict[str, Source] = {}


def reminder_source(name: str) -> Callable[[Source], Source]:
    """Register ``fn(*, today, calendar)`` as the reminder source ``name``."""
    def register(fn: Source) -> Source:
        _SOURCES[name] = fn
        return fn
    return register


def registered_sources() -> dict[str, Source]:
    autodiscover_modules("reminders")
    return dict(_SOURCES)


def reminders_run(*, today: dt.date, calendar=None, only: Iterable[str] = ()) -> int:
    """Run every registered source (or those named in ``only``) for ``today``;
    returns how many people were told (repeats excluded)."""
    from gongkai.workdays.selectors import calendar_from_db

    calendar = calendar or calendar_from_db()
    wanted = set(only)
    told = 0
    for name, source in sorted(registered_sources().items()):
        if wanted and name not in wanted:
            continue
        for reminder in source(today=today, calendar=calendar):
            told += notify(users=reminder.recipients, text=reminder.text, url=reminder.url,
                           kind=reminder.kind, key=reminder.key(name),
                           email_subject=reminder.mail_subject)
    logger.info("reminders sent: %s", told, extra={"event": "reminders.sent"})
    return told
