"""Writes of the assessment: the yearly scheme, adjustments with reasons, and the 通报
from draft through the principal leader's approval (task 59) to issue."""
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.i18n import in_source_language
from gongkai.core.workflow import transition
from gongkai.orgs.models import Unit
from gongkai.reports import registry
from gongkai.reports.events import ReportsEvent
from gongkai.reports.models import (
    Adjustment,
    AdjustmentKind,
    AssessmentNotice,
    AssessmentScheme,
    ItemKind,
    NoticeScope,
    NoticeStatus,
    SchemeItem,
)
from gongkai.reports.selectors.assessment import assessed_units, assessment

# The event each kind of adjustment records.
_ADJUSTMENT_EVENTS = {AdjustmentKind.MANUAL: ReportsEvent.ADJUSTMENT_MANUAL,
                      AdjustmentKind.CORRECTION: ReportsEvent.ADJUSTMENT_CORRECTION}

# The scheme a new year starts from; the office edits it (rules are data).
DEFAULT_ITEMS = (
    (ItemKind.SCALED, "plans.filing_score", "60", 100, None),
    (ItemKind.SCALED, "participation.meetings_held", "10", 1, None),
    (ItemKind.SCALED, "reports.leader_hearing", "10", 1, None),
    (ItemKind.SCALED, "reports.training", "10", 1, None),
    (ItemKind.SCALED, "reports.legal_review", "10", 1, None),
    (ItemKind.DEDUCTION, "foi.overdue", "2", 1, "10"),
    (ItemKind.DEDUCTION, "plans.returns", "1", 1, "10"),
    (ItemKind.DEDUCTION, "plans.dead_links", "0.5", 1, "5"),
    (ItemKind.DEDUCTION, "plans.late_reports", "1", 1, "5"),
    (ItemKind.BONUS, "participation.feedback_published", "1", 1, "5"),
)
NOTICE_TRANSITIONS = {
    (NoticeStatus.DRAFT, NoticeStatus.PENDING): ReportsEvent.NOTICE_SUBMITTED,
    (NoticeStatus.PENDING, NoticeStatus.DRAFT): ReportsEvent.NOTICE_RETURNED,
    (NoticeStatus.PENDING, NoticeStatus.APPROVED): ReportsEvent.NOTICE_APPROVED,
    (NoticeStatus.APPROVED, NoticeStatus.ISSUED): ReportsEvent.NOTICE_ISSUED,
}
MAX_POINTS = Decimal("1000")


def _decimal(value, *, label: str, allow_negative: bool = False) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ApplicationError(_("%(l)s须为数字。") % {"l": label}) from None
    if not number.is_finite() or abs(number) > MAX_POINTS or (
            number < 0 and not allow_negative):
        raise ApplicationError(_("%(l)s超出范围。") % {"l": label})
    return number.quantize(Decimal("0.01"))


@transaction.atomic
def scheme_get_or_create(*, year: int, actor=None) -> AssessmentScheme:
    scheme, created = AssessmentScheme.objects.get_or_create(
        year=year, defaults={"title": _("%(y)d年度政务公开工作考核") % {"y": year}})
    if created:
        SchemeItem.objects.bulk_create([
            SchemeItem(scheme=scheme, kind=kind, indicator=key, points=Decimal(points),
                       full_value=full, cap=Decimal(cap) if cap else None, position=i)
            for i, (kind, key, points, full, cap) in enumerate(DEFAULT_ITEMS)
            if registry.get(key) is not None])
        record_event(obj=scheme, action=ReportsEvent.SCHEME_CREATED, actor=actor)
    return scheme


@transaction.atomic
def scheme_item_save(*, scheme: AssessmentScheme, kind: str, indicator: str, points,
                     full_value=1, cap=None, label: str = "", actor) -> SchemeItem:
    if kind not in ItemKind.values:
        raise ApplicationError(_("请选择考核项目类型。"))
    if registry.get(indicator) is None:
        raise ApplicationError(_("请选择指标。"))
    points = _decimal(points, label=_("分值"))
    if points <= 0:
        raise ApplicationError(_("分值须大于 0。"))
    try:
        full_value = int(full_value or 1)
    except (TypeError, ValueError):
        raise ApplicationError(_("满分所需数值须为正整数。")) from None
    if not 1 <= full_value <= 100_000:
        raise ApplicationError(_("满分所需数值须为正整数。"))
    cap = _decimal(cap, label=_("最多扣（加）分")) if cap not in (None, "") else None
    item, _created = SchemeItem.objects.update_or_create(
        scheme=scheme, kind=kind, indicator=indicator,
        defaults={"points": points, "full_value": full_value, "cap": cap,
                  "label": (label or "").strip()[:200],
                  "position": scheme.items.count()})
    record_event(obj=scheme, action=ReportsEvent.SCHEME_ITEM_SAVED, actor=actor, details={
        "kind": kind, "indicator": indicator, "points": points, "full_value": full_value,
        "cap": cap})
    return item


@transaction.atomic
def scheme_item_delete(*, item: SchemeItem, actor) -> None:
    record_event(obj=item.scheme, action=ReportsEvent.SCHEME_ITEM_DELETED, actor=actor,
                 details={"kind": item.kind, "indicator": item.indicator})
    item.delete()


@transaction.atomic
def adjustment_add(*, scheme: AssessmentScheme, unit: Unit, points, reason: str,
                   kind: str = AdjustmentKind.MANUAL, actor) -> Adjustment:
    """Add or take points by hand; the reason is required and the step audited."""
    if kind not in AdjustmentKind.values:
        raise ApplicationError(_("请选择调整类型。"))
    points = _decimal(points, label=_("调整分值"), allow_negative=True)
    if points == 0:
        raise ApplicationError(_("调整分值不能为 0。"))
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("调整分数必须填写理由。"))
    if len(reason) > 2000:
        raise ApplicationError(_("理由不能超过 2000 字。"))
    if unit.pk not in {pk for pk, _name in assessed_units(scheme.year)}:
        raise ApplicationError(_("%(u)s 不在本年度考核范围内。") % {"u": unit.name})
    adjustment = Adjustment.objects.create(scheme=scheme, unit=unit, kind=kind,
                                           points=points, reason=reason, created_by=actor)
    record_event(obj=scheme, action=_ADJUSTMENT_EVENTS[kind], actor=actor, details={
        "unit": unit.name, "points": points, "reason": reason})
    return adjustment


def _draft_body(scheme: AssessmentScheme, scope: str) -> str:
    results = assessment(scheme=scheme, scope=scope)
    label = NoticeScope(scope).label
    paragraphs = [_("根据%(t)s，区政务公开办对各单位%(s)s政务公开工作进行了考核，现将结果通报如下。")
                  % {"t": scheme.title, "s": label}]
    if results:
        top = "、".join(r.unit_name for r in results if r.rank <= 3)
        paragraphs.append(_("一、总体情况。本次共考核%(n)d个单位，%(top)s成绩位居前列，予以通报表扬。")
                          % {"n": len(results), "top": top})
        deducted = [r for r in results if any(line.points < 0 for line in r.lines)]
        if deducted:
            paragraphs.append(_("二、存在问题。%(u)s等单位存在依申请公开逾期答复、报告退回整改、"
                                "佐证链接失效等扣分情形，请对照附件逐项整改。")
                              % {"u": "、".join(r.unit_name for r in deducted[:5])})
    paragraphs.append(_("三、工作要求。各单位要对照考核结果，压实责任，抓好整改落实。考核得分表见附件。"))
    return "\n".join(paragraphs)


@transaction.atomic
@in_source_language
def notice_draft(*, scheme: AssessmentScheme, scope: str, actor) -> AssessmentNotice:
    """Draft a 通报 from the results of ``scope`` (第三季度, 第四季度 or 全年)."""
    if scope not in NoticeScope.values:
        raise ApplicationError(_("请选择通报范围。"))
    notice = AssessmentNotice.objects.create(
        scheme=scheme, scope=scope, created_by=actor, body=_draft_body(scheme, scope),
        title=_("关于%(y)d年%(s)s政务公开工作考核情况的通报") % {
            "y": scheme.year, "s": NoticeScope(scope).label})
    record_event(obj=notice, action=ReportsEvent.NOTICE_DRAFTED, actor=actor,
                 details={"scope": scope})
    return notice


@transaction.atomic
def notice_edit(*, notice: AssessmentNotice, title: str, doc_number: str, body: str,
                actor) -> AssessmentNotice:
    if notice.status != NoticeStatus.DRAFT:
        raise ApplicationError(_("通报已报审，不能修改；请先退回。"))
    title, body = (title or "").strip(), (body or "").strip()
    if not title or not body:
        raise ApplicationError(_("请填写标题和正文。"))
    if len(title) > 300 or len(body) > 20_000 or len(doc_number or "") > 100:
        raise ApplicationError(_("标题、文号或正文过长。"))
    notice.title, notice.doc_number, notice.body = title, (doc_number or "").strip(), body
    notice.save(update_fields=["title", "doc_number", "body"])
    record_event(obj=notice, action=ReportsEvent.NOTICE_EDITED, actor=actor)
    return notice


@transaction.atomic
def notice_move(*, notice: AssessmentNotice, to: str, actor, approver: str = "",
                note: str = "") -> AssessmentNotice:
    """Submit for approval, return, approve (the approver's name is required: task 59)
    or issue the 通报."""
    notice = AssessmentNotice.objects.select_for_update().get(pk=notice.pk)
    approver, note = (approver or "").strip()[:50], (note or "").strip()[:2000]
    extra = {}
    if to == NoticeStatus.APPROVED:
        if not approver:
            raise ApplicationError(_("请填写审定的主要负责同志。"))
        extra = {"approved_by": approver, "approval_note": note}
    elif to == NoticeStatus.DRAFT:
        if not note:
            raise ApplicationError(_("退回时须填写意见。"))
        extra = {"approval_note": note}
    elif to == NoticeStatus.ISSUED:
        extra = {"issued_on": timezone.localdate()}
    transition(notice, to=to, table=NOTICE_TRANSITIONS, actor=actor,
               details={"approver": approver, "note": note}, extra_fields=extra)
    return notice
