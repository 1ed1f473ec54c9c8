"""Writes of the annual report: generated from the year's figures (frozen as of
31 December), edited by the unit, then reviewed and published through publishing."""
import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.i18n import in_source_language
from gongkai.orgs.models import Unit
from gongkai.publishing.permissions import EDITABLE
from gongkai.publishing.services.review import content_submit_for_review
from gongkai.reports.events import ReportsEvent
from gongkai.reports.models import AnnualReport
from gongkai.reports.selectors.annual import SECTION_TITLES, draft_sections, year_figures

MAX_SECTION_CHARS = 20_000


def report_title(year: int, name: str) -> str:
    return _("%(n)s%(y)d年政府信息公开工作年度报告") % {"n": name, "y": year}


@transaction.atomic
@in_source_language
def annual_report_generate(*, year: int, unit: Unit | None, actor) -> AnnualReport:
    """Draw up (or, while still a draft, refresh the figures of) the report of ``unit``
    or, without one, of the district government. Only a finished year: the figures are
    those of 31 December, and they are frozen with the report."""
    today = timezone.localdate()
    if year >= today.year:
        raise ApplicationError(_("%(y)d年度尚未结束，年度报告须在次年编制。") % {"y": year})
    figures = year_figures(year=year, unit=unit)
    publisher = unit or Unit.objects.filter(is_office=True).first()
    if publisher is None:
        raise ApplicationError(_("尚未设置区政务公开办，无法编制区政府年度报告。"))
    lookup = {"year": year, "is_district": unit is None}
    if unit is not None:
        lookup["unit"] = unit
    report = AnnualReport.objects.select_for_update().filter(**lookup).first()
    now = timezone.now()
    if report is None:
        report = AnnualReport.objects.create(
            year=year, is_district=unit is None, unit=publisher, author=actor if getattr(actor, "pk", None) else None,
            title=report_title(year, figures.name), sections=draft_sections(figures),
            tables=figures.tables, checks=figures.checks,
            cut_off=dt.date(year, 12, 31), frozen_at=now)
        action = ReportsEvent.ANNUAL_GENERATED
    else:
        if report.publication_status not in EDITABLE:
            raise ApplicationError(_("年度报告已提交审核或已发布，数据不再更新。"))
        report.tables, report.checks, report.frozen_at = figures.tables, figures.checks, now
        report.save(update_fields=["tables", "checks", "frozen_at", "updated_at"])
        action = ReportsEvent.ANNUAL_REFRESHED
    record_event(obj=report, action=action, actor=actor,
                 details={"checks_ok": figures.checks["ok"]})
    return report


@transaction.atomic
def annual_report_edit(*, report: AnnualReport, texts: dict[str, str],
                       actor) -> AnnualReport:
    """Replace the text of sections by number (一 … 六); tables are not editable."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.publication_status not in EDITABLE:
        raise ApplicationError(_("年度报告正在审核或已发布，不能修改。"))
    titles = dict(SECTION_TITLES)
    changed = []
    for section in report.sections:
        number = section["number"]
        if number not in texts:
            continue
        text = (texts[number] or "").replace("\r\n", "\n").strip()
        if not text:
            raise ApplicationError(_("“%(n)s、%(t)s”不能为空。") % {"n": number,
                                                                "t": titles[number]})
        if len(text) > MAX_SECTION_CHARS:
            raise ApplicationError(_("“%(n)s、%(t)s”不能超过 %(m)d 字。") % {
                "n": number, "t": titles[number], "m": MAX_SECTION_CHARS})
        if text != section["text"]:
            section["text"] = text
            changed.append(number)
    if changed:
        report.save(update_fields=["sections", "updated_at"])
        record_event(obj=report, action=ReportsEvent.ANNUAL_EDITED, actor=actor,
                     details={"sections": changed})
    return report


def annual_report_submit(*, report: AnnualReport, actor):
    """Send the report to review before publication (先审后发)."""
    if not report.checks.get("ok", False):
        raise ApplicationError(_("表三未通过勾稽检查，请先核实申请办理数据后重新生成。"))
    return content_submit_for_review(obj=report, actor=actor)
