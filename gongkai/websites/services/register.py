"""Writes to the register: entries, their edits, opening and closing.

Openings and closings move through the tables below and ``core.workflow.transition``;
who may make which move is in ``permissions``. Every edit leaves an audit event with
the fields that changed, so the history page shows the register's past."""
import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.services import model_update
from gongkai.core.workflow import transition
from gongkai.websites.events import WebsitesEvent
from gongkai.websites.models import AccountStatus as A
from gongkai.websites.models import Column, NewMediaAccount, Website
from gongkai.websites.models import SiteStatus as S

SITE_MOVES = {
    (S.REQUESTED, S.RUNNING): WebsitesEvent.WEBSITE_APPROVED,
    (S.REQUESTED, S.REJECTED): WebsitesEvent.WEBSITE_REJECTED,
    (S.RUNNING, S.MIGRATING): WebsitesEvent.WEBSITE_MIGRATION_STARTED,
    (S.MIGRATING, S.RUNNING): WebsitesEvent.WEBSITE_MIGRATION_FINISHED,
    (S.RUNNING, S.CLOSE_REQUESTED): WebsitesEvent.WEBSITE_CLOSE_REQUESTED,
    (S.MIGRATING, S.CLOSE_REQUESTED): WebsitesEvent.WEBSITE_CLOSE_REQUESTED,
    (S.CLOSE_REQUESTED, S.CLOSED): WebsitesEvent.WEBSITE_CLOSED,
    (S.CLOSE_REQUESTED, S.RUNNING): WebsitesEvent.WEBSITE_CLOSE_REFUSED,
}
# Moves only the office makes; the unit asks (close_requested) or reports migration.
SITE_OFFICE_MOVES = {(S.REQUESTED, S.RUNNING), (S.REQUESTED, S.REJECTED),
                     (S.CLOSE_REQUESTED, S.CLOSED), (S.CLOSE_REQUESTED, S.RUNNING)}

ACCOUNT_MOVES = {
    (A.REQUESTED, A.RUNNING): WebsitesEvent.ACCOUNT_FILING_ACCEPTED,
    (A.REQUESTED, A.REJECTED): WebsitesEvent.ACCOUNT_FILING_REFUSED,
    (A.RUNNING, A.CLOSE_REQUESTED): WebsitesEvent.ACCOUNT_END_FILED,
    (A.CLOSE_REQUESTED, A.MERGED): WebsitesEvent.ACCOUNT_MERGED,
    (A.CLOSE_REQUESTED, A.CLOSED): WebsitesEvent.ACCOUNT_CLOSED,
    (A.CLOSE_REQUESTED, A.DEREGISTERED): WebsitesEvent.ACCOUNT_DEREGISTERED,
    (A.CLOSE_REQUESTED, A.RUNNING): WebsitesEvent.ACCOUNT_END_REFUSED,
}
ACCOUNT_ENDS = (A.MERGED, A.CLOSED, A.DEREGISTERED)

SITE_FIELDS = ["unit", "operator", "name", "url", "site_code", "icp_number", "police_number",
               "has_party_label", "contact_name", "contact_phone", "on_platform", "ipv6",
               "is_portal", "disclosure_url"]
ACCOUNT_FIELDS = ["unit", "platform", "name", "account_id", "certified_owner", "filed_on",
                  "responsible", "responsible_phone", "ipv6"]


def _save(entry, actor, action: str, changed: dict | None = None) -> None:
    entry.full_clean()
    entry.save()
    record_event(obj=entry, action=action, actor=actor, details=changed or {})


@transaction.atomic
def website_register(*, actor, status: str = S.REQUESTED, **fields) -> Website:
    """A new site: asked for by a unit (申请开办), or moved in by the office as running."""
    website = Website(status=status, **{k: v for k, v in fields.items() if k in SITE_FIELDS})
    _save(website, actor, WebsitesEvent.WEBSITE_REGISTERED, {"status": status})
    return website


@transaction.atomic
def account_register(*, actor, status: str = A.REQUESTED, **fields) -> NewMediaAccount:
    """A new account filed (分级备案); one per unit and platform in principle (123号),
    so a second one is accepted but its filing says so."""
    account = NewMediaAccount(status=status,
                              **{k: v for k, v in fields.items() if k in ACCOUNT_FIELDS})
    others = NewMediaAccount.objects.filter(unit=account.unit, platform=account.platform) \
        .exclude(status__in=[*ACCOUNT_ENDS, A.REJECTED])
    _save(account, actor, WebsitesEvent.ACCOUNT_FILED,
          {"status": status, "same_platform": others.count()})
    return account


def _changes(entry, fields: dict, allowed: list[str]) -> dict:
    """Set the ``allowed`` among ``fields``; each changed name with its old and new value
    (a row of the register's workbook also carries columns that are not set here)."""
    data = {name: value for name, value in fields.items() if name in allowed}
    before = {name: getattr(entry, name) for name in data}
    return {name: [str(before[name]), str(getattr(entry, name))]
            for name in model_update(entry, data, allowed)}


@transaction.atomic
def website_update(*, website: Website, actor, **fields) -> Website:
    changed = _changes(website, fields, SITE_FIELDS)
    if changed:
        _save(website, actor, WebsitesEvent.WEBSITE_UPDATED, changed)
    return website


@transaction.atomic
def account_update(*, account: NewMediaAccount, actor, **fields) -> NewMediaAccount:
    """A new 主办单位 in the certification means change or deregister and announce it
    (123号): the event says so, so the office sees it in the history."""
    changed = _changes(account, fields, ACCOUNT_FIELDS)
    if changed:
        action = (WebsitesEvent.ACCOUNT_OWNER_CHANGED if "certified_owner" in changed
                  else WebsitesEvent.ACCOUNT_UPDATED)
        _save(account, actor, action, changed)
    return account


def website_move(*, website: Website, to: str, actor, office: bool, note: str = "",
                 on: dt.date | None = None):
    """Move a site through ``SITE_MOVES``; the office's moves need ``office``."""
    if (website.status, to) in SITE_OFFICE_MOVES and not office:
        raise ApplicationError(_("开办和关停须由区政务公开办审批。"))
    extra = {"closed_on": on or timezone.localdate()} if to == S.CLOSED else None
    return transition(website, to=to, table=SITE_MOVES, actor=actor,
                      details={"note": note}, extra_fields=extra)


def account_move(*, account: NewMediaAccount, to: str, actor, office: bool,
                 end: str = "", note: str = ""):
    """File an end (关停/整合/注销: ``end``) or let the office decide a filing."""
    if to == A.CLOSE_REQUESTED:
        if end not in ACCOUNT_ENDS:
            raise ApplicationError(_("请选择关停、整合或注销。"))
        return transition(account, to=to, table=ACCOUNT_MOVES, actor=actor,
                          details={"end": end, "note": note},
                          extra_fields={"end_requested": end})
    if not office:
        raise ApplicationError(_("报备须由区政务公开办确认。"))
    if account.status == A.CLOSE_REQUESTED and to in ACCOUNT_ENDS and to != account.end_requested:
        raise ApplicationError(_("确认的变更须与报备的一致。"))
    extra = {"closed_on": timezone.localdate()} if to in ACCOUNT_ENDS else {}
    if to == A.RUNNING:
        extra["end_requested"] = ""
    return transition(account, to=to, table=ACCOUNT_MOVES, actor=actor,
                      details={"note": note}, extra_fields=extra)


@transaction.atomic
def column_save(*, website: Website, actor, name: str, url: str, kind: str,
                checked: bool = True, column: Column | None = None) -> Column:
    """The office marks the columns whose freshness counts."""
    column = column or Column(website=website)
    column.name, column.url, column.kind, column.checked = name, url, kind, checked
    column.full_clean()
    column.save()
    record_event(obj=website, action=WebsitesEvent.COLUMN_SAVED, actor=actor,
                 details={"column": name, "url": url, "kind": kind, "checked": checked})
    return column
