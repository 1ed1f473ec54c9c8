"""Notices (通报) of praise and criticism, written from the review results.

The office picks nothing by hand: the best-scoring units with nothing outstanding are
praised, units under the threshold or with unsubmitted or returned reports are
criticised, and the body is written in the tone of an official notice, stored as text
and rendered as a .docx in official-document layout.
"""
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.docx import Heading, Table, official_document
from gongkai.core.errors import ApplicationError
from gongkai.core.i18n import in_source_language
from gongkai.orgs.models import Unit
from gongkai.plans.events import PlansEvent
from gongkai.plans.models import Notice, Plan, ReportingPeriod
from gongkai.plans.selectors.scoring import UnitScore, unit_scores
from gongkai.plans.services.scoring import scoring_rule_ensure

DEFAULT_ISSUER = "区政务公开办"
ADDRESSEE = "各街道、镇，区府属各单位，广州开发区管委会直属各单位"


def _praise_and_criticise(scores: list[UnitScore], praised_count: int,
                          threshold: float) -> tuple[list[UnitScore], list[UnitScore]]:
    clean = [s for s in scores
             if s.score >= threshold and not s.unsubmitted and not s.open_returns]
    praised = clean[:max(praised_count, 0)]
    praised_ids = {s.unit_id for s in praised}
    criticised = [s for s in scores if s.unit_id not in praised_ids and (
        s.score < threshold or s.unsubmitted or s.open_returns)]
    return praised, criticised


def _shortcomings(score: UnitScore) -> str:
    parts = []
    if score.unsubmitted:
        parts.append(_("%(n)s项任务未报送") % {"n": score.unsubmitted})
    if score.late:
        parts.append(_("%(n)s项逾期报送") % {"n": score.late})
    if score.open_returns:
        parts.append(_("%(n)s项退回整改后未重新报送") % {"n": score.open_returns})
    parts.append(_("得分%(score)s分") % {"score": score.score})
    return "，".join(parts)


def notice_body(*, plan: Plan, period: ReportingPeriod, scores: list[UnitScore],
                praised: list[UnitScore], criticised: list[UnitScore]) -> list:
    """The blocks of the notice (text, headings, the score table), in order."""
    expected = sum(s.expected for s in scores)
    submitted = sum(s.submitted for s in scores)
    on_time = sum(s.on_time for s in scores)
    passed = sum(s.passed for s in scores)
    returns = sum(s.returns for s in scores)
    blocks: list = [
        _("为推动《%(plan)s》各项任务落实落细，区政务公开办对各单位%(year)s年%(period)s"
          "政务公开工作要点推进落实情况进行了审核和网上核查。现将有关情况通报如下：")
        % {"plan": plan.title, "year": plan.year, "period": period.name},
        Heading(_("一、总体情况")),
        _("本期共有%(units)s个单位承担工作任务，应报送推进情况%(expected)s项，实际报送%(submitted)s项，"
          "其中按时报送%(on_time)s项，审核通过%(passed)s项，累计退回整改%(returns)s次。")
        % {"units": len(scores), "expected": expected, "submitted": submitted,
           "on_time": on_time, "passed": passed, "returns": returns},
        Heading(_("二、表现较好的单位")),
    ]
    if praised:
        names = "、".join(f"{s.unit_name}（{s.score}分）" for s in praised)
        blocks.append(_("%(names)s按时报送推进情况，佐证材料齐全，审核全部通过，予以通报表扬。")
                      % {"names": names})
    else:
        blocks.append(_("本期暂无符合表扬条件的单位。"))
    blocks.append(Heading(_("三、存在的问题")))
    if criticised:
        blocks.append(_("以下单位工作推进不到位，予以通报批评："))
        blocks.extend(f"{i}. {s.unit_name}：{_shortcomings(s)}。"
                      for i, s in enumerate(criticised, start=1))
    else:
        blocks.append(_("本期各单位均按要求完成报送，未发现需通报批评的情况。"))
    blocks += [
        Heading(_("四、下一步工作要求")),
        _("各单位要对照本通报查找不足，被通报批评的单位要认真分析原因，于5个工作日内完成整改"
          "并重新报送；退回整改的事项要逐项落实，确保整改到位。区政务公开办将持续开展网上核查和"
          "“回头看”，整改情况纳入年度政务公开工作考核。"),
        Table(headers=[_("名次"), _("单位"), _("应报"), _("已报"), _("按时"), _("通过"),
                       _("退回"), _("得分")],
              rows=[[s.rank, s.unit_name, s.expected, s.submitted, s.on_time, s.passed,
                     s.returns, s.score] for s in scores],
              caption=_("附：各单位得分情况")),
    ]
    return blocks


def _as_text(blocks: list) -> str:
    lines = []
    for block in blocks:
        if isinstance(block, Heading):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.append(block.caption)
            lines.extend("\t".join(str(c) for c in row) for row in block.rows)
        else:
            lines.append(str(block))
    return "\n".join(lines)


@transaction.atomic
@in_source_language
def notice_generate(*, plan: Plan, period: ReportingPeriod, actor, praised_count: int = 5,
                    criticised_threshold: float = 60, doc_number: str = "") -> Notice:
    """Write the notice for ``period`` from the scores and store it with its .docx."""
    if period.plan_id != plan.pk:
        raise ApplicationError(_("报送期不属于该年度方案。"))
    if len(doc_number) > 100:
        raise ApplicationError(_("文号过长。"))
    scoring_rule_ensure(plan=plan)
    scores = unit_scores(plan=plan, period=period)
    if not scores:
        raise ApplicationError(_("该年度方案尚未分派任务，无法生成通报。"))
    praised, criticised = _praise_and_criticise(scores, praised_count, criticised_threshold)
    title = _("关于%(year)s年%(period)s政务公开工作要点落实情况的通报") % {
        "year": plan.year, "period": period.name}
    blocks = notice_body(plan=plan, period=period, scores=scores, praised=praised,
                         criticised=criticised)
    office = Unit.objects.filter(is_office=True).first()
    issuer = office.name if office else DEFAULT_ISSUER
    today = timezone.localdate()
    content = official_document(issuer=issuer, doc_number=doc_number.strip(), title=title,
                                addressee=ADDRESSEE, paragraphs=blocks, signature=issuer,
                                signed_on=today)
    notice = Notice(plan=plan, period=period, title=title, doc_number=doc_number.strip(),
                    body=_as_text(blocks), created_by=actor)
    notice.file.save(f"{uuid.uuid4().hex}.docx", ContentFile(content), save=False)
    notice.save()
    notice.praised.set([s.unit_id for s in praised])
    notice.criticised.set([s.unit_id for s in criticised])
    record_event(obj=notice, action=PlansEvent.NOTICE_GENERATED, actor=actor, details={
        "title": title, "praised": [s.unit_name for s in praised],
        "criticised": [s.unit_name for s in criticised]})
    return notice
