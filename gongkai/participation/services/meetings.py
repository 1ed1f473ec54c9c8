"""Writes of decision meetings with public representatives (task 24): record and
announce a meeting, take sign-ups from the public, select among them, record the
meeting as held; the yearly targets as data."""
import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.services import model_update
from gongkai.core.versioning import claim_version
from gongkai.core.workflow import transition
from gongkai.participation.events import ParticipationEvent
from gongkai.participation.models import (
    Meeting,
    MeetingStatus,
    MeetingTarget,
    Representative,
    RepresentativeKind,
    SelectionMethod,
    SignUp,
    SignUpStatus,
    TargetScope,
)

M, S = MeetingStatus, SignUpStatus
MEETING_TRANSITIONS = {
    (M.DRAFT, M.ANNOUNCED): ParticipationEvent.MEETING_ANNOUNCED,
    (M.DRAFT, M.HELD): ParticipationEvent.MEETING_HELD,
    (M.ANNOUNCED, M.HELD): ParticipationEvent.MEETING_HELD,
    (M.DRAFT, M.CANCELLED): ParticipationEvent.MEETING_CANCELLED,
    (M.ANNOUNCED, M.CANCELLED): ParticipationEvent.MEETING_CANCELLED,
}
SIGNUP_TRANSITIONS = {
    (S.PENDING, S.SELECTED): ParticipationEvent.SIGNUP_SELECTED,
    (S.NOT_SELECTED, S.SELECTED): ParticipationEvent.SIGNUP_SELECTED,
    (S.PENDING, S.NOT_SELECTED): ParticipationEvent.SIGNUP_NOT_SELECTED,
    (S.SELECTED, S.NOT_SELECTED): ParticipationEvent.SIGNUP_NOT_SELECTED,
}
# Task 24 of the 2022 plan: the district government at least 3, every department,
# street, town and park body at least 1.
TARGETS_2022 = {TargetScope.DISTRICT_GOVERNMENT: 3, TargetScope.EACH_UNIT: 1}
TARGET_BASIS_2022 = "2022年政务公开工作要点分工方案第24项"
_FIELDS = ("held_on", "subject", "description", "location", "for_district_government",
           "open_call", "signup_closes_on", "seats", "live_url", "recording_url")
_LIMITS = {"subject": 300, "description": 5000, "location": 200, "live_url": 500,
           "recording_url": 500}


def _clean(meeting: Meeting) -> None:
    for name, limit in _LIMITS.items():
        value = (getattr(meeting, name) or "").strip()
        if len(value) > limit:
            raise ApplicationError(_("“%(f)s”不能超过%(n)s字。") % {
                "f": Meeting._meta.get_field(name).verbose_name, "n": limit})
        setattr(meeting, name, value)
    if not meeting.subject:
        raise ApplicationError(_("请填写会议议题。"))
    for name in ("live_url", "recording_url"):
        if getattr(meeting, name) and not getattr(meeting, name).startswith(
                ("https://", "http://")):
            raise ApplicationError(_("直播或录播链接须以 http:// 或 https:// 开头。"))
    if meeting.open_call and meeting.signup_closes_on is None:
        raise ApplicationError(_("公开报名遴选须填写报名截止日期。"))
    if meeting.signup_closes_on and meeting.signup_closes_on > meeting.held_on:
        raise ApplicationError(_("报名截止日期不能晚于会议日期。"))


@transaction.atomic
def meeting_create(*, unit, actor, held_on: dt.date, subject: str, **fields) -> Meeting:
    """A draft meeting of ``unit``. ``fields``: any of description, location,
    for_district_government, open_call, signup_closes_on, seats, live_url,
    recording_url."""
    unknown = set(fields) - set(_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    meeting = Meeting(unit=unit, created_by=actor, held_on=held_on, subject=subject,
                      **fields)
    _clean(meeting)
    meeting.save()
    record_event(obj=meeting, action=ParticipationEvent.MEETING_CREATED, actor=actor,
                 details={"subject": meeting.subject, "held_on": held_on})
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, actor, version: int | None = None,
                   **fields) -> Meeting:
    """Change the details; after the meeting is held only the links (a recording is
    often published later). Refused (``StaleEdit``) when someone saved it since
    ``version``."""
    if meeting.status == M.CANCELLED:
        raise ApplicationError(_("会议已取消，不能修改。"))
    if meeting.status == M.HELD and set(fields) - {"live_url", "recording_url"}:
        raise ApplicationError(_("会议已召开，只能补充直播或录播链接。"))
    changed = model_update(meeting, fields, _FIELDS, clean=_clean)
    if changed:
        claim_version(meeting, version)
        meeting.save(update_fields=changed)
        record_event(obj=meeting, action=ParticipationEvent.MEETING_UPDATED, actor=actor,
                     details={"fields": changed})
    return meeting


def meeting_announce(*, meeting: Meeting, actor, today: dt.date | None = None) -> Meeting:
    """Publish a coming meeting (and its open call) on the public site."""
    today = today or timezone.localdate()
    if meeting.held_on < today:
        raise ApplicationError(_("会议日期已过，请直接登记为已召开。"))
    transition(meeting, to=M.ANNOUNCED, table=MEETING_TRANSITIONS, actor=actor)
    return meeting


def meeting_mark_held(*, meeting: Meeting, actor, today: dt.date | None = None) -> Meeting:
    """Record that the meeting took place with public representatives attending."""
    today = today or timezone.localdate()
    if meeting.held_on > today:
        raise ApplicationError(_("会议日期未到，不能登记为已召开。"))
    if not meeting.representatives.exists():
        raise ApplicationError(_("请先登记列席的公众代表。"))
    transition(meeting, to=M.HELD, table=MEETING_TRANSITIONS, actor=actor,
               details={"representatives": meeting.representatives.count()})
    return meeting


def meeting_cancel(*, meeting: Meeting, actor, reason: str) -> Meeting:
    reason = (reason or "").strip()[:500]
    if not reason:
        raise ApplicationError(_("取消会议须说明理由。"))
    transition(meeting, to=M.CANCELLED, table=MEETING_TRANSITIONS, actor=actor,
               details={"reason": reason})
    return meeting


def _require_open_roster(meeting: Meeting) -> None:
    if meeting.status in (M.CANCELLED, M.HELD):
        raise ApplicationError(_("会议已召开或已取消，不能再调整列席代表。"))


def _clean_person(name: str, kind: str, affiliation_or_contact: str, limit: int
                  ) -> tuple[str, str]:
    name = (name or "").strip()
    other = (affiliation_or_contact or "").strip()
    if not name or len(name) > 50:
        raise ApplicationError(_("请填写姓名（不超过50字）。"))
    if kind not in RepresentativeKind.values:
        raise ApplicationError(_("请选择代表类别。"))
    if len(other) > limit:
        raise ApplicationError(_("内容过长，不能超过%(n)s字。") % {"n": limit})
    return name, other


@transaction.atomic
def representative_add(*, meeting: Meeting, actor, name: str, kind: str,
                       selection: str = SelectionMethod.INVITED, affiliation: str = ""
                       ) -> Representative:
    """An invited representative (those chosen by open call come from sign-ups)."""
    _require_open_roster(meeting)
    name, affiliation = _clean_person(name, kind, affiliation, 100)
    if selection not in SelectionMethod.values:
        raise ApplicationError(_("请选择产生方式。"))
    representative = Representative.objects.create(
        meeting=meeting, name=name, kind=kind, selection=selection, affiliation=affiliation)
    record_event(obj=meeting, action=ParticipationEvent.MEETING_REPRESENTATIVE_ADDED,
                 actor=actor, details={"name": name, "kind": kind, "selection": selection})
    return representative


@transaction.atomic
def representative_remove(*, representative: Representative, actor) -> None:
    meeting = representative.meeting
    _require_open_roster(meeting)
    if representative.signup_id:
        signup_reject(signup=representative.signup, actor=actor)
        return
    record_event(obj=meeting, action=ParticipationEvent.MEETING_REPRESENTATIVE_REMOVED,
                 actor=actor, details={"name": representative.name})
    representative.delete()


@transaction.atomic
def signup_submit(*, meeting: Meeting, name: str, kind: str, contact: str,
                  statement: str = "", today: dt.date | None = None) -> SignUp:
    """A member of the public applies to attend an announced meeting's open call."""
    today = today or timezone.localdate()
    if not (meeting.status == M.ANNOUNCED and meeting.open_call
            and meeting.signup_closes_on and today <= meeting.signup_closes_on):
        raise ApplicationError(_("该会议当前不接受公开报名。"))
    name, contact = _clean_person(name, kind, contact, 100)
    if not contact:
        raise ApplicationError(_("请填写联系方式，以便通知遴选结果。"))
    statement = (statement or "").strip()
    if len(statement) > 1000:
        raise ApplicationError(_("报名理由不能超过1000字。"))
    signup = SignUp.objects.create(meeting=meeting, name=name, kind=kind, contact=contact,
                                   statement=statement)
    record_event(obj=signup, action=ParticipationEvent.SIGNUP_RECEIVED,
                 details={"meeting": meeting.pk, "kind": kind})
    return signup


@transaction.atomic
def signup_select(*, signup: SignUp, actor) -> Representative:
    """Select a sign-up: the person becomes one of the meeting's representatives."""
    meeting = signup.meeting
    _require_open_roster(meeting)
    transition(signup, to=S.SELECTED, table=SIGNUP_TRANSITIONS, actor=actor)
    return Representative.objects.create(
        meeting=meeting, name=signup.name, kind=signup.kind,
        selection=SelectionMethod.OPEN_CALL, signup=signup)


@transaction.atomic
def signup_reject(*, signup: SignUp, actor) -> SignUp:
    """Not selected (or no longer): a representative made from it is removed."""
    _require_open_roster(signup.meeting)
    transition(signup, to=S.NOT_SELECTED, table=SIGNUP_TRANSITIONS, actor=actor)
    Representative.objects.filter(signup=signup).delete()
    return signup


@transaction.atomic
def meeting_targets_ensure_2022() -> int:
    """The 2022 targets of task 24, once. Returns how many rows were created."""
    created = 0
    for scope, minimum in TARGETS_2022.items():
        _target, made = MeetingTarget.objects.get_or_create(
            year=2022, scope=scope,
            defaults={"minimum": minimum, "basis": TARGET_BASIS_2022})
        created += made
    return created
