"""Documents of the spot check: 整改通知 and 通报 (.docx, official layout through
``core.docx``) and the 检查情况表 (.xlsx) for reporting upward."""
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.dates import chinese_date
from gongkai.core.docx import Heading, Table, official_document
from gongkai.core.i18n import in_source_language
from gongkai.orgs.models import Unit
from gongkai.websites.models import Rectification, SpotCheck
from gongkai.websites.selectors.spotcheck import results


def _office() -> Unit | None:
    return Unit.objects.filter(is_office=True).first()


def _issuer() -> str:
    office = _office()
    return office.name if office else _("区政务公开办")


def _doc_number(spot_check: SpotCheck, serial: int) -> str:
    office = _office()
    short = (office.short_name or office.name) if office else _("政务公开办")
    return f"{short}〔{spot_check.year}〕{serial}号"


def _problem_line(finding) -> str:
    where = f"（{finding.url}）" if finding.url else ""
    return f"{finding.target}：{finding.indicator_label}。{finding.detail}{where}"


@in_source_language
def notice_docx(rect: Rectification, findings: list) -> bytes:
    spot = rect.spot_check
    paragraphs = [
        _("根据%(year)s年第%(q)s季度政府网站和政务新媒体抽查安排，经自动监测和人工核查，"
          "你单位的网站、政务新媒体存在以下问题，请于%(deadline)s前完成整改，并在平台上"
          "反馈整改情况、上传佐证材料。") % {"year": spot.year, "q": spot.quarter,
                                   "deadline": chinese_date(rect.deadline)},
        Heading(_("一、存在的问题")),
        *[f"{i}. {_problem_line(f)}" for i, f in enumerate(findings, start=1)],
        Heading(_("二、整改要求")),
        _("逐项整改，举一反三，对同类问题一并排查；逾期未整改或整改不到位的，将在通报中予以说明。"),
    ]
    return official_document(issuer=_issuer(), doc_number=_doc_number(spot, rect.pk),
                             title=_("关于政府网站和政务新媒体问题整改的通知"),
                             addressee=rect.unit.name, paragraphs=paragraphs,
                             signature=_issuer(), signed_on=timezone.localdate())


def _situation_rows(spot_check: SpotCheck) -> list[list[str]]:
    rows = []
    for row in results(spot_check):
        problems = "；".join(f"{f.indicator_label}：{f.detail}" for f in row.findings) \
            or _("未发现问题")
        rect = row.rectification
        state = rect.get_status_display() if rect else (_("无需整改") if not row.findings
                                                          else _("未下发通知"))
        score = row.result["score"]
        rows.append([str(row.target), row.unit.name, problems, state, row.verdict,
                     "" if score is None else f"{score:g}"])
    return rows


SITUATION_HEADERS = [_("网站/账号"), _("主办单位"), _("问题"), _("整改情况"), _("结果"),
                     _("得分")]


@in_source_language
def situation_xlsx(spot_check: SpotCheck) -> bytes:
    """检查情况表: site/account, 主办单位, 问题, 整改情况 (plus verdict and score)."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("检查情况表")
    sheet.append([str(spot_check)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([str(h) for h in SITUATION_HEADERS])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in _situation_rows(spot_check):
        sheet.append(row)
    for letter, width in zip("ABCDEF", (28, 20, 60, 14, 10, 8), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=3):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@in_source_language
def bulletin_docx(spot_check: SpotCheck) -> bytes:
    """The 通报 of the quarter's results, for publishing on the office's site."""
    rows = results(spot_check)
    sites = [r for r in rows if hasattr(r.target, "url")]
    failed = [r for r in rows if not r.result["passed"]]
    paragraphs = [
        _("%(year)s年第%(q)s季度，区政务公开办对全区政府网站和政务新媒体开展抽查，共抽查网站"
          "%(s)s个、政务新媒体账号%(a)s个，合格%(ok)s个，不合格%(bad)s个。现将有关情况通报如下。")
        % {"year": spot_check.year, "q": spot_check.quarter, "s": len(sites),
           "a": len(rows) - len(sites), "ok": len(rows) - len(failed), "bad": len(failed)},
        Heading(_("一、抽查结果")),
        Table(headers=[str(h) for h in SITUATION_HEADERS],
              rows=[r[:2] + [r[2][:200]] + r[3:] for r in _situation_rows(spot_check)]),
        Heading(_("二、下一步工作")),
        _("各单位要落实主体责任，对照问题清单抓好整改，加强日常巡查，确保网站和政务新媒体安全、"
          "准确、及时。"),
    ]
    return official_document(issuer=_issuer(), doc_number=_doc_number(spot_check, 0)
                             .replace("〕0号", "〕号"),
                             title=_("关于%(y)s年第%(q)s季度政府网站和政务新媒体抽查情况的通报")
                             % {"y": spot_check.year, "q": spot_check.quarter},
                             addressee=_("各单位"), paragraphs=paragraphs,
                             signature=_issuer(), signed_on=timezone.localdate())
