"""The notice around the table: title, 文号, issuer, signature date, report deadlines."""
import datetime as dt
import re

from gongkai.plans.importer.types import ParsedPeriod

_CN_NUM = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}
_QUARTER_NAMES = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}


def chinese_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十三 → 13, 二十一 → 21 (what headings are numbered with)."""
    if not text or any(ch not in _CN_NUM and ch != "十" for ch in text):
        return None
    if "十" not in text:
        value = 0
        for ch in text:
            value = value * 10 + _CN_NUM[ch]
        return value
    tens, _sep, ones = text.partition("十")
    return (_CN_NUM[tens] if tens else 1) * 10 + (_CN_NUM[ones] if ones else 0)


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def split_month_day(digits: str, year: int) -> dt.date | None:
    """Month and day run together when 月 is lost: 930 → 9-30, 1230 → 12-30, 88 → 8-8.
    A one-digit month is tried first, so 111 reads as 1-11."""
    if len(digits) < 2 or len(digits) > 4:
        return None
    for month_len in (1, 2):
        month, day = digits[:month_len], digits[month_len:]
        if 1 <= len(day) <= 2 and (found := _valid(year, int(month), int(day))):
            return found
    return None


_DATE_IN_TEXT = re.compile(
    r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
    r"|(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日"
    r"|(?P<y3>20\d{2})(?P<md3>\d{2,4})日"
    r"|(?<!\d)(?P<md4>\d{2,4})日"
)


def dates_in(text: str, default_year: int | None) -> list[dt.date]:
    """Every date in ``text``, including those whose 年 and 月 were lost (2022930日)."""
    found: list[dt.date] = []
    year = default_year
    for m in _DATE_IN_TEXT.finditer(text):
        value = None
        if m.group("y"):
            year = int(m.group("y"))
            value = _valid(year, int(m.group("m")), int(m.group("d")))
        elif m.group("m2") and year:
            value = _valid(year, int(m.group("m2")), int(m.group("d2")))
        elif m.group("y3"):
            year = int(m.group("y3"))
            value = split_month_day(m.group("md3"), year)
        elif m.group("md4") and year:
            value = split_month_day(m.group("md4"), year)
        if value:
            found.append(value)
    return found


_UPPER_DATE = re.compile(r"^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]+)月([一二三四五六七八九十]+)日$")
_PLAIN_DATE = re.compile(r"^(\d{4})(?:[年.\-/])?(\d{1,2})(?:[月.\-/])?(\d{1,2})日?$")
_COMPACT_DATE = re.compile(r"^(20\d{2})(\d{2,4})$")


def standalone_date(line: str) -> dt.date | None:
    """A line that is only a date: a signature (202288, 2022年8月8日, 二〇二二年八月八日)."""
    text = line.replace(" ", "")
    if m := _UPPER_DATE.match(text):
        year = chinese_number(m.group(1))
        return _valid(year, chinese_number(m.group(2)), chinese_number(m.group(3)))
    if m := _COMPACT_DATE.match(text):
        return split_month_day(m.group(2), int(m.group(1)))
    if m := _PLAIN_DATE.match(text):
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


_QUARTERS = re.compile(r"第([一二三四](?:[、,和及至与][一二三四])*)季度")


def report_periods(notice: str, year: int | None) -> list[ParsedPeriod]:
    """The reporting deadlines a notice sets: "分别于2022930日、1230日前…报送第三、四季度…"."""
    periods: dict[int, ParsedPeriod] = {}
    for sentence in re.split(r"[。;\n]", notice):
        if "季度" not in sentence:
            continue
        quarters = [chinese_number(ch) for m in _QUARTERS.finditer(sentence)
                    for ch in m.group(1) if ch in _CN_NUM]
        deadlines = dates_in(sentence, year)
        for index, deadline in enumerate(deadlines):
            if len(quarters) == len(deadlines):
                quarter = quarters[index]
            else:
                quarter = (deadline.month - 1) // 3 + 1
            periods.setdefault(quarter, ParsedPeriod(quarter, _QUARTER_NAMES[quarter], deadline))
    return sorted(periods.values(), key=lambda p: p.number)


_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[(]\d{4}[〕\])]\d*号$")
_META = re.compile(r"^(名称|文号|发布机构|成文日期)\s*:\s*(.*?)(?:\s+(?:发布日期|分类|主题词)\s*:.*)?$")


def meta_fields(lines: list[str]) -> dict[str, str]:
    """Fields of a government web page's information box (名称, 文号, 发布机构 …)."""
    fields: dict[str, str] = {}
    for line in lines:
        for chunk in re.split(r"\s{2,}|\s(?=\S+\s*:)", line):
            if m := _META.match(chunk.strip()):
                fields.setdefault(m.group(1), m.group(2).strip())
    return fields


def find_doc_number(lines: list[str], fields: dict[str, str]) -> str:
    if fields.get("文号"):
        return fields["文号"]
    return next((line for line in lines if _DOC_NUMBER.match(line.replace(" ", ""))), "")


def find_titles(lines: list[str], fields: dict[str, str]) -> tuple[str, str]:
    """(notice title, plan title): 关于印发《X》的通知 issues the plan X."""
    notice = fields.get("名称") or next(
        (line for line in lines if "关于印发" in line and line.endswith("通知")), "")
    if m := re.search(r"关于印发(.+?)的通知", notice):
        return notice, m.group(1).strip("《》")
    plan = next((line for line in lines
                 if len(line) < 80 and ("分工方案" in line or "工作要点" in line)
                 and not line.endswith(("。", ":"))), "")
    return notice, plan


def title_year(title: str) -> int | None:
    """The year a plan's title names: 广州市黄埔区2022年政务公开工作要点 → 2022."""
    m = re.search(r"(20\d{2}|19\d{2})\s*年", title or "")
    if m:
        return int(m.group(1))
    m = re.search(r"([〇零一二三四五六七八九]{4})\s*年", title or "")
    return chinese_number(m.group(1)) if m else None
