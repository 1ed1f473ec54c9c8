import datetime as dt
import io

from docx import Document

from gongkai.core.docx import Heading, Table, official_document


def render(**overrides) -> Document:
    values = dict(
        issuer="广州市黄埔区政务公开工作办公室", doc_number="埔公开〔2022〕3号",
        title="关于2022年第三季度政务公开工作要点落实情况的通报",
        addressee="各街道、镇，区府属各单位",
        paragraphs=[Heading("一、总体情况"), "各单位认真落实。\n第二段。",
                    Heading("（一）做得好的", level=2),
                    Table(headers=["名次", "单位", "得分"], rows=[["1", "区商务局", "98.5"]],
                          caption="各单位得分情况")],
        signature="区政务公开办", signed_on=dt.date(2022, 10, 8),
    )
    values.update(overrides)
    return Document(io.BytesIO(official_document(**values)))


def test_the_document_opens_with_the_official_page_layout():
    document = render()
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    margins = (section.top_margin, section.bottom_margin, section.left_margin,
               section.right_margin)
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]


def test_the_parts_appear_in_order_with_their_fonts():
    document = render()
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:4] == ["广州市黄埔区政务公开工作办公室", "埔公开〔2022〕3号",
                         "关于2022年第三季度政务公开工作要点落实情况的通报",
                         "各街道、镇，区府属各单位："]
    assert texts[-2:] == ["区政务公开办", "2022年10月8日"]
    title = next(p for p in document.paragraphs if p.text.startswith("关于"))
    assert title.runs[0].font.name == "方正小标宋简体"
    assert title.runs[0].font.size.pt == 22
    body = next(p for p in document.paragraphs if p.text == "各单位认真落实。")
    assert body.runs[0].font.name == "仿宋_GB2312"
    assert body.paragraph_format.first_line_indent.pt == 32
    heading = next(p for p in document.paragraphs if p.text == "一、总体情况")
    assert heading.runs[0].font.name == "黑体"
    assert "第二段。" in texts


def test_tables_and_page_numbers_are_written():
    document = render()
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["名次", "单位", "得分"]
    assert [c.text for c in table.rows[1].cells] == ["1", "区商务局", "98.5"]
    footer_xml = document.sections[0].footer._element.xml
    assert "PAGE" in footer_xml


def test_markup_in_text_is_written_as_text():
    document = render(paragraphs=["<script>alert(1)</script>"])
    assert "<script>alert(1)</script>" in [p.text for p in document.paragraphs]
