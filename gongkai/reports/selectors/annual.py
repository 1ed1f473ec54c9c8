"""The annual report's figures as of 31 December and its prose drafted from them.

Tables 三 and 四 are those of ``gongkai.foi.selectors.stats`` (table 三 in the shape
``foi_stats`` prints), table 二 that of ``gongkai.policies.selectors.stats``; the
勾稽 checks are the template's. Everything is computed for the year's cut-off, so a
report drawn up in February shows what stood on 31 December.
"""
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from gongkai.core.memo import measuring_pass
from gongkai.foi.selectors.indicators import fees_collected
from gongkai.foi.selectors.stats import (
    CLOSED,
    FORWARD,
    NEW,
    TOTAL,
    check_consistency,
    table_four,
    table_three,
)
from gongkai.orgs.models import Unit
from gongkai.plans.selectors.indicators import task_states
from gongkai.policies.models import DocumentKind
from gongkai.policies.selectors.stats import table_two
from gongkai.reports import registry
from gongkai.reports.selectors.assessment import assessed_units

SECTION_TITLES = (
    ("一", "总体情况"),
    ("二", "主动公开政府信息情况"),
    ("三", "收到和处理政府信息公开申请情况"),
    ("四", "政府信息公开行政复议、行政诉讼情况"),
    ("五", "存在的主要问题及改进情况"),
    ("六", "其他需要报告的事项"),
)
FEE_BASIS = "《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）"


def table_two_rows(year: int, unit: Unit | None) -> dict:
    """Table 二 in the template's four blocks."""
    t = table_two(year=year, unit=unit)
    reg, norm = t[DocumentKind.REGULATION.value], t[DocumentKind.NORMATIVE.value]
    return {
        "第二十条第（一）项": [
            {"信息内容": "规章", "本年制发件数": reg["made"], "本年废止件数": reg["repealed"],
             "现行有效件数": reg["in_force"]},
            {"信息内容": "行政规范性文件", "本年制发件数": norm["made"],
             "本年废止件数": norm["repealed"], "现行有效件数": norm["in_force"]}],
        "第二十条第（五）项": [{"信息内容": "行政许可", "本年处理决定数量": t["licensing"]}],
        "第二十条第（六）项": [{"信息内容": "行政处罚", "本年处理决定数量": t["penalty"]},
                               {"信息内容": "行政强制", "本年处理决定数量": t["enforcement"]}],
        "第二十条第（八）项": [{"信息内容": "行政事业性收费",
                               "本年收费金额（单位：万元）": str(Decimal(
                                   t["fees_wan_yuan"]).quantize(Decimal("0.0001")))}],
    }


@dataclass
class YearFigures:
    year: int
    unit: Unit | None
    tables: dict
    checks: dict
    new: int
    new_last_year: int
    closed: int
    forward: int
    appeals: int
    corrected: int
    measures: dict[str, int]
    fees: tuple[int, int]
    tasks: dict[str, int]
    assessed: int = 0  # the district's report: units assessed (考核) this year

    @property
    def name(self) -> str:
        return self.unit.name if self.unit else _("区人民政府")


PROBLEM_MEASURES = ("foi.overdue", "plans.returns", "plans.dead_links", "plans.late_reports",
                    "participation.messages_late", "qa.unanswered")


def _measures(year: int, unit: Unit | None) -> dict[str, int]:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    values = {}
    with measuring_pass():
        for key in PROBLEM_MEASURES:
            indicator = registry.get(key)
            if indicator is None:
                continue
            per_unit = indicator.per_unit(start=start, end=end)
            values[key] = per_unit.get(unit.pk, 0) if unit else sum(per_unit.values())
    return values


def year_figures(*, year: int, unit: Unit | None = None) -> YearFigures:
    """Everything the report of ``unit`` (or the district) states for ``year``."""
    three, four = table_three(year=year, unit=unit), table_four(year=year, unit=unit)
    last = table_three(year=year - 1, unit=unit)
    problems = check_consistency(three)
    four_dict = four.as_dict()
    return YearFigures(
        year=year, unit=unit,
        tables={"二": table_two_rows(year, unit), "三": three.as_dict(), "四": four_dict},
        checks={"ok": not problems, "problems": problems},
        new=three.row(NEW).values[TOTAL], new_last_year=last.row(NEW).values[TOTAL],
        closed=three.row(CLOSED).values[TOTAL], forward=three.row(FORWARD).values[TOTAL],
        appeals=sum(b.values[TOTAL] for b in four.blocks),
        corrected=sum(b.values["corrected"] for b in four.blocks),
        measures=_measures(year, unit),
        fees=fees_collected(year=year, unit_id=unit.pk if unit else None),
        tasks=task_states(year=year, unit_id=unit.pk if unit else None),
        assessed=len(assessed_units(year)) if unit is None else 0)


def _change(now: int, before: int) -> str:
    if now == before:
        return _("与上年持平")
    word = _("增加") if now > before else _("减少")
    return _("比上年%(w)s%(n)d件") % {"w": word, "n": abs(now - before)}


def draft_sections(f: YearFigures) -> list[dict]:
    """Sections 一 to 六 drafted from the figures; the unit edits them afterwards."""
    two = f.tables["二"]
    norm = two["第二十条第（一）项"][1]
    texts = {
        "一": _("%(y)d年，%(u)s认真贯彻落实《中华人民共和国政府信息公开条例》，按照年度政务公开"
               "工作要点推进各项任务。全年收到政府信息公开申请%(n)d件，%(c)s；办结%(d)d件，"
               "结转下年度继续办理%(f)d件。") % {
            "y": f.year, "u": f.name, "n": f.new, "c": _change(f.new, f.new_last_year),
            "d": f.closed, "f": f.forward} + (
            _("全年对%(n)d个承担工作要点任务的单位开展政务公开工作考核，考核结果予以通报。")
            % {"n": f.assessed} if f.assessed else ""),
        "二": _("本年制发行政规范性文件%(m)d件，废止%(r)d件，现行有效%(i)d件。具体情况见下表。")
              % {"m": norm["本年制发件数"], "r": norm["本年废止件数"], "i": norm["现行有效件数"]},
        "三": _("本年新收政府信息公开申请%(n)d件，办结%(d)d件，结转下年度继续办理%(f)d件。"
               "具体情况见下表。") % {"n": f.new, "d": f.closed, "f": f.forward},
        "四": _("本年因政府信息公开被申请行政复议、提起行政诉讼共%(a)d件，其中结果纠正%(c)d件"
               "（以12月31日的结果为准）。具体情况见下表。") % {"a": f.appeals, "c": f.corrected},
        "五": _problems_text(f),
        "六": _other_text(f),
    }
    return [{"number": number, "title": title, "text": texts[number]}
            for number, title in SECTION_TITLES]


def _problems_text(f: YearFigures) -> str:
    m = f.measures
    issues = []
    if m.get("foi.overdue"):
        issues.append(_("依申请公开未按期答复%(n)d件") % {"n": m["foi.overdue"]})
    if m.get("plans.returns"):
        issues.append(_("推进情况报告被退回整改%(n)d次") % {"n": m["plans.returns"]})
    if m.get("plans.dead_links"):
        issues.append(_("佐证材料链接失效%(n)d个") % {"n": m["plans.dead_links"]})
    if m.get("plans.late_reports"):
        issues.append(_("推进情况逾期报送%(n)d份") % {"n": m["plans.late_reports"]})
    if m.get("participation.messages_late"):
        issues.append(_("领导留言超时限答复%(n)d件") % {"n": m["participation.messages_late"]})
    if not issues:
        text = _("本年度平台未发现依申请公开逾期、报告退回整改或链接失效等问题。")
    else:
        text = _("一是存在以下问题：%(i)s。") % {"i": "；".join(issues)}
    return text + _("下一步将对照年度工作要点开展回头看，逐项整改，确保按时办结、规范公开。")


def _other_text(f: YearFigures) -> str:
    charged, yuan = f.fees
    fee = (_("本年度依据%(b)s收取信息处理费%(n)d件，共%(y)d元。")
           % {"b": FEE_BASIS, "n": charged, "y": yuan}) if charged else (
        _("本年度未收取信息处理费（依据%(b)s）。") % {"b": FEE_BASIS})
    t = f.tasks
    plan = _("落实年度政务公开工作要点情况：承担任务%(a)d项，已完成%(d)d项，推进中%(p)d项，"
             "未能完成%(x)d项，尚未报送%(n)d项。") % {
        "a": t.get("assigned", 0), "d": t.get("done", 0), "p": t.get("in_progress", 0),
        "x": t.get("failed", 0), "n": t.get("none", 0) + t.get("not_started", 0)}
    return fee + plan
