"""The annual report and the assessment as Word (GB/T 9704 layout) and Excel files."""
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from gongkai.core.docx import Heading, Table, official_document
from gongkai.reports.models import AnnualReport, AssessmentNotice


def _table_two(two: dict) -> list[Table]:
    tables = []
    for item, rows in two.items():
        headers = list(rows[0].keys())
        tables.append(Table(headers=headers, rows=[[r[h] for h in headers] for r in rows],
                            caption=item))
    return tables


def _table_three(three: dict) -> Table:
    headers = [""] + [c["label"] for c in three["columns"]]
    rows = [[" ".join(p for p in (r["group"], r["label"]) if p)]
            + [r["values"][c["label"]] for c in three["columns"]] for r in three["rows"]]
    return Table(headers=headers, rows=rows)


def _table_four(four: dict) -> Table:
    headers = [""] + four["columns"]
    rows = [[f"{b['label']} {b['sub_label']}".strip()] + [b["values"][c] for c in
                                                         four["columns"]]
            for b in four["blocks"]]
    return Table(headers=headers, rows=rows)


def annual_report_blocks(*, sections: list[dict], tables: dict) -> list:
    blocks = []
    for section in sections:
        blocks.append(Heading(f"{section['number']}、{section['title']}"))
        blocks.append(section["text"])
        if section["number"] == "二":
            blocks += _table_two(tables["二"])
        elif section["number"] == "三":
            blocks.append(_table_three(tables["三"]))
        elif section["number"] == "四":
            blocks.append(_table_four(tables["四"]))
    return blocks


def annual_report_docx(*, title: str, signature: str, sections: list[dict], tables: dict,
                       signed_on=None) -> bytes:
    return official_document(issuer="", doc_number="", title=title, addressee="",
                             paragraphs=annual_report_blocks(sections=sections,
                                                             tables=tables),
                             signature=signature, signed_on=signed_on)


def stored_annual_docx(report: AnnualReport) -> bytes:
    signed = report.published_at.date() if report.published_at else None
    signature = "区人民政府" if report.is_district else report.unit.name
    return annual_report_docx(title=report.title, signature=signature,
                              sections=report.sections, tables=report.tables,
                              signed_on=signed)


SCORE_HEADERS = ("排名", "单位", "得分", "得分明细")


def _score_rows(results) -> list[list]:
    return [[r.rank, r.unit_name, str(r.total), "；".join(
        f"{line.label}{'：' + str(line.value) + line.unit_label if line.unit_label else ''}"
        f" {line.points:+}" + (f"（{line.reason}）" if line.reason else "")
        for line in r.lines)] for r in results]


def assessment_xlsx(*, title: str, results) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "考核得分"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(SCORE_HEADERS))
    for row in _score_rows(results):
        sheet.append(row)
    for column, width in zip("ABCD", (6, 24, 8, 120), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def notice_docx(*, notice: AssessmentNotice, results, issuer: str, signature: str
                ) -> bytes:
    """The 通报 with the score table as an annex after the signature."""
    annex = [Heading("附件"), Table(headers=SCORE_HEADERS, rows=_score_rows(results),
                                    caption=f"{notice.scheme.title}得分表")]
    return official_document(issuer=issuer, doc_number=notice.doc_number,
                             title=notice.title, addressee="各有关单位",
                             paragraphs=notice.body.splitlines(), signature=signature,
                             signed_on=notice.issued_on, annex=annex)
