"""The evaluation library: the demo's documents plus the hand-written ones of
``library_data`` (216 documents, 69 of them with an interpretation), with 文号, dates,
issuing units and bodies of realistic length made by a generator with a fixed seed.

Each document has a stable id (``hs01``, ``demo-housing``; an interpretation is its
document's id + ``.jd``), the id the evaluation queries name in ``subject_id``.

    from bench.search import library
    docs = library.documents()      # list[LibDoc], the same on every machine
    library.load()                  # into the current database (bench/search/evaluate.py)
"""
from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

try:  # run as a script from bench/search, or imported as bench.search.library
    from . import library_data, library_units
except ImportError:  # pragma: no cover
    import library_data
    import library_units

SEED = 20261203
KIND = {"N": "normative", "P": "policy", "A": "announcement", "O": "other"}
FORM = {"T": "text", "G": "graphic", "Q": "qa"}
DEMO_NOTE = "（本文件为评测用示例数据，不是真实的政策文件，所列措施和数字均为示例。）"

# The usual articles of a district document around its own provisions. {core} is the
# title's subject (公共租赁住房申请审核), {unit} the issuing unit.
GENERIC = (
    "{unit}是本区{core}工作的主管部门，负责组织实施本办法。",
    "各街道办事处、镇人民政府应当明确专人负责，做好政策宣传、咨询和受理工作。",
    "区财政局负责做好资金保障，并对资金使用情况进行监督检查。",
    "申请人应当如实提供有关材料，并对材料的真实性负责；弄虚作假的，取消其资格，已取得的资金予以追回，并按规定纳入信用记录。",
    "有关工作人员在工作中滥用职权、玩忽职守、徇私舞弊的，依法依规追究责任。",
    "区有关部门应当加强信息共享，依托一体化政务服务平台实现数据互通，减少申请人需要提交的材料。",
    "审核结果应当在区政府门户网站或者办理场所公示，接受社会监督。",
    "对政策执行情况开展年度评估，根据评估结果及时调整完善有关措施。",
    "涉及个人隐私和商业秘密的信息应当依法予以保护，不得泄露。",
    "申请人对审核结果有异议的，可以在收到结果之日起十五日内向原审核单位申请复核。",
    "各有关单位应当按照职责分工，密切配合，形成工作合力。",
    "建立工作台账，定期向区人民政府报告工作进展情况。",
    "同一事项同时符合本区其他扶持政策的，按照就高不重复的原则执行。",
    "区政务服务数据管理局负责将相关事项纳入政务服务平台，推行网上办理和全程网办。",
    "通过政府网站、政务新媒体等渠道做好政策解读和宣传引导。",
    "{core}工作坚持公开、公平、公正的原则，实行统一管理、分级负责。",
    "本区{core}相关信息应当按照政府信息公开的有关规定及时向社会公开。",
    "对在{core}工作中成绩突出的单位和个人，按照有关规定给予表扬。",
    "区审计部门依法对相关资金的管理和使用情况进行审计监督。",
    "各单位应当畅通投诉举报渠道，对群众反映的问题及时核查处理并反馈。",
    "相关办事指南应当列明办理条件、所需材料、办理流程和承诺时限。",
    "申请材料不齐全或者不符合法定形式的，应当一次性告知申请人需要补正的全部内容。",
    "加强与市有关部门的沟通衔接，确保政策口径一致。",
    "鼓励社会力量参与，引导社会组织和志愿者提供专业服务。",
    "区人民政府将{core}工作纳入年度绩效考核。",
    "对未按规定履行职责的单位，由区人民政府予以通报并责令限期整改。",
    "各街道应当将{core}有关事项纳入社区网格化服务管理。",
    "所需经费列入部门年度预算，实行专款专用。",
    "办理过程中需要现场核查的，核查时间不计入办理时限。",
    "本市另有规定的，从其规定；上级出台新规定的，按照上级规定执行。",
    "申请人可以通过线上渠道提交申请，也可以到所在街道政务服务中心窗口现场办理。",
    "受理单位应当自受理之日起在规定时限内作出决定，并书面告知申请人；不予批准的，应当说明理由。",
    "因不可抗力等客观原因未能按期完成的，经批准可以适当延期。",
    "相关数据按照规定报送上级主管部门，作为评估和考核的依据。",
    "有关部门应当建立健全内部监督制度，定期开展自查和抽查，发现问题及时纠正。",
    "各街道应当于每年十二月底前将本年度工作总结报送区主管部门。",
    "对不符合条件或者提供虚假材料取得资格、资金的，由主管部门责令退回，情节严重的依法追究法律责任。",
    "本办法所称“以上”“以下”“不超过”，均包含本数。",
    "区主管部门会同有关部门制定具体操作规程，明确办理流程和工作要求。",
    "充分发挥社区居民委员会、村民委员会的作用，做好政策入户宣传。",
    "对涉及群众切身利益的重要事项，应当广泛听取社会公众和利害关系人的意见。",
    "资金拨付实行国库集中支付，按照规定程序直接拨付至申请人账户。",
    "各有关部门应当加强对工作人员的业务培训，提高服务水平。",
    "建立信用承诺制度，申请人书面承诺符合条件的，可以先行办理，再行核查。",
    "相关档案资料应当妥善保管，保存期限不少于十年。",
    "对群众反映集中的问题，主管部门应当及时研究并提出改进措施。",
    "有关单位应当在政府信息公开专栏设置专题，集中公开政策文件、办事指南和办理结果。",
    "本区范围内驻区单位参照执行。",
    "年度实施情况应当形成报告，报区人民政府并向社会公开。",
    "加强督促检查，对工作推进缓慢的单位进行约谈。",
)
PURPOSE = ("为规范本区{core}工作，保障群众合法权益，根据国家、省、市有关规定，结合本区实际，制定本办法。",
           "为进一步做好{core}工作，推动相关政策落地见效，结合本区实际，制定本方案。")
TITLE_PREFIXES = ("关于印发", "关于", "黄埔区", "黄埔街道", "鱼珠街道", "联和街道")
TITLE_ENDS = ("的通知", "实施细则", "实施办法", "管理办法", "暂行办法", "办法", "工作方案",
              "实施方案", "行动方案", "若干措施", "管理规定", "规定", "工作规则", "工作规程",
              "工作指引", "指引", "建设方案", "行动计划", "应急预案", "的公示", "的公告",
              "的通告", "公示", "公告", "措施", "方案", "细则", "标准", "清单", "目录")


@dataclass
class LibDoc:
    id: str
    kind: str
    unit: str
    title: str
    doc_number: str
    issuer_code: str
    doc_year: int | None
    doc_serial: int | None
    published_on: dt.date
    effective_on: dt.date | None
    expires_on: dt.date | None
    paragraphs: list[str] = field(default_factory=list)
    subject: str = ""
    interprets: str | None = None
    interpretation_form: str = ""

    @property
    def body_text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def body_html(self) -> str:
        return "".join(f"<p>{p}</p>" for p in self.paragraphs)


def core_of(title: str) -> str:
    """The title's subject: 关于印发黄埔区公共租赁住房管理办法的通知 → 公共租赁住房."""
    core = re.sub(r"（[^）]*）|\d{4}年(度)?(第.批)?", "", title)
    for _ in range(3):
        for prefix in TITLE_PREFIXES:
            core = core.removeprefix(prefix)
        for end in TITLE_ENDS:
            if len(core) > len(end) + 2:
                core = core.removesuffix(end)
    return core.strip("“”《》")


class _Writer:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.serials: dict[tuple[str, int], int] = {}

    def number(self, code: str, kind: str, year: int) -> tuple[str, str, int | None]:
        if kind == "announcement":
            return "", "", None
        code = code + ("规" if kind == "normative" else self.rng.choice(("", "", "函")))
        serial = self.serials[(code, year)] = self.serials.get((code, year), 0) + \
            self.rng.randint(1, 4)
        return f"{code}〔{year}〕{serial}号", code, serial

    def body(self, kind: str, core: str, unit: str, measures: list[str]) -> list[str]:
        fill = {"core": core, "unit": unit}
        generic = [s.format(**fill) for s in self.rng.sample(GENERIC, self.rng.randint(16, 36))]
        if kind == "announcement":
            return ([f"根据有关规定，现将{core}有关事项公布如下："] + measures +
                    generic[:3] + [f"联系单位：{unit}。", DEMO_NOTE])
        head = PURPOSE[0 if kind == "normative" else 1].format(**fill)
        own = [f"{m}。" if not m.endswith("。") else m for m in measures]
        middle = generic[: len(generic) // 2] + own + generic[len(generic) // 2:]
        if kind == "normative":
            lines = [head, f"本办法适用于本区行政区域内的{core}及其监督管理。", *middle,
                     f"本办法由{unit}负责解释。", "本办法自印发之日起三十日后施行，有效期五年。"]
            return [f"第{_cn(i)}条　{text}" for i, text in enumerate(lines, start=1)] + [DEMO_NOTE]
        sections = ["一、总体要求", head, "二、主要任务", *own, "三、保障措施", *generic]
        return sections + [f"本方案由{unit}负责解释。", DEMO_NOTE]

    def interpretation_body(self, doc: LibDoc, core: str, measures: list[str]) -> list[str]:
        return ["一、制定背景",
                f"为贯彻落实上级部署，回应群众关切，{doc.unit}起草了《{core_of(doc.title)}》相关文件。",
                self.rng.choice(GENERIC).format(core=core, unit=doc.unit),
                "二、主要内容", *(f"{n}. {m}。" for n, m in enumerate(measures, start=1)),
                "三、适用对象", f"本文件适用于本区范围内与{core}有关的单位和个人。",
                "四、政策咨询", f"如有疑问，可向{doc.unit}咨询，工作日上午九时至十二时、下午二时至五时。",
                DEMO_NOTE]


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + "十" + (digits[ones] if ones else "")


def _published(rng: random.Random, title: str) -> dt.date:
    """A day between 2019 and November 2026, in the year the title names (a plan for
    2025 is published early in 2025; 2026年度 work is announced late in 2025)."""
    year = re.search(r"(20\d\d)年(度)?", title)
    if year is None:
        return dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 2870))
    if year.group(2):
        return dt.date(int(year.group(1)) - 1, 10, 1) + dt.timedelta(days=rng.randint(0, 80))
    return dt.date(int(year.group(1)), 1, 15) + dt.timedelta(days=rng.randint(0, 120))


def _interpretation_title(title: str, form: str) -> str:
    name = title.removeprefix("关于印发").removesuffix("的通知")
    return {"graphic": f"图解：《{name}》", "qa": f"《{name}》政策问答"}.get(
        form, f"《{name}》政策解读")


def _demo_documents(writer: _Writer) -> list[LibDoc]:
    from gongkai.policies import demo_data

    docs = []
    for spec in demo_data.DOCUMENTS:
        measures = [m.rstrip("。") for m in spec.measures]
        doc = LibDoc(id=f"demo-{spec.key}", kind=spec.kind, unit=spec.unit, title=spec.title,
                     doc_number=spec.doc_number, issuer_code="", doc_year=None,
                     doc_serial=None, published_on=spec.published_on,
                     effective_on=spec.effective_on, expires_on=spec.expires_on,
                     subject=DEMO_SUBJECTS[spec.key])
        doc.paragraphs = writer.body(spec.kind, core_of(spec.title), spec.unit, measures)
        docs.append(doc)
        if spec.interpretation:
            docs.append(_interpretation(writer, doc, spec.interpretation.form, measures,
                                        spec.interpretation.days_after))
    return docs


def _interpretation(writer: _Writer, doc: LibDoc, form: str, measures: list[str],
                    days_after: int) -> LibDoc:
    return LibDoc(id=f"{doc.id}.jd", kind="interpretation", unit=doc.unit,
                  title=_interpretation_title(doc.title, form), doc_number="",
                  issuer_code="", doc_year=None, doc_serial=None,
                  published_on=doc.published_on + dt.timedelta(days=days_after),
                  effective_on=None, expires_on=None,
                  paragraphs=writer.interpretation_body(doc, core_of(doc.title), measures),
                  subject=f"explainer of: {doc.subject}", interprets=doc.id,
                  interpretation_form=form)


def documents(seed: int = SEED) -> list[LibDoc]:
    """Every document of the library, in a fixed order, interpretations after their
    document."""
    writer = _Writer(seed)
    docs = _demo_documents(writer)
    for line in filter(None, library_data.LINES.splitlines()):
        key, unit_key, kind, interp, title, subject, measures_text = line.split("|")
        unit, code = library_units.UNITS[unit_key]
        kind = KIND[kind]
        measures = measures_text.split("；")
        published = _published(writer.rng, title)
        number, issuer_code, serial = writer.number(code, kind, published.year)
        normative = kind == "normative"
        doc = LibDoc(
            id=key, kind=kind, unit=unit, title=title, doc_number=number,
            issuer_code=issuer_code, doc_year=published.year if number else None,
            doc_serial=serial, published_on=published,
            effective_on=published + dt.timedelta(days=30) if normative else None,
            expires_on=published + dt.timedelta(days=30 + 5 * 365) if normative else None,
            subject=subject)
        doc.paragraphs = writer.body(kind, core_of(title), unit, measures)
        docs.append(doc)
        if interp != "-":
            docs.append(_interpretation(writer, doc, FORM[interp], measures,
                                        writer.rng.choice((0, 0, 0, 3, 9))))
    return docs


DEMO_SUBJECTS = {
    "sme": "measures helping small and micro firms grow: credit, upgrading, online services",
    "sme_amend": "changes to a few clauses of the small-business support package",
    "housing_old": "the 2021 rules on government-owned low-rent flats (since replaced)",
    "housing": "the revised rules on government-owned low-rent flats for families in need",
    "kindergarten": "helping private nurseries become affordable, per-child subsidy",
    "investment": "managing projects paid for by the district's own budget",
    "one_net": "handling every administrative service through a single online platform",
    "school_care": "licensing and inspecting private after-school childminding centres",
    "old_estates": "plan for renovating old residential compounds",
    "gk_points": "the 2025 priorities for openness of government affairs",
    "digital": "a three-year plan for the data and internet economy",
    "kg_enrol": "admissions of toddlers to public nurseries this year, lottery and sign-up",
    "projects_notice": "public notice of next year's major construction projects list",
    "consult_notice": "asking the public for comments on changing the small-firm measures",
    "street_notice": "who won the contract to run a street's community service centre",
}

# Interpretations the query writers may aim at (a resident asking for the explainer).
SUBJECT_INTERPRETATIONS = ("demo-housing", "demo-school_care", "hs01", "hs04", "ed01",
                           "ed04", "em01", "ss01", "el02", "he01", "um01", "bz03", "gk02")


def subjects_tsv() -> str:
    """``id<TAB>subject`` for every document and the chosen interpretations."""
    lines = []
    for doc in documents():
        if doc.kind == "interpretation":
            if doc.interprets not in SUBJECT_INTERPRETATIONS:
                continue
            subject = ("the official plain-language explainer (not the rules themselves) "
                       f"of: {next(d.subject for d in documents() if d.id == doc.interprets)}")
        else:
            subject = doc.subject
        lines.append(f"{doc.id}\t{subject}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # python bench/search/library.py > bench/search/subjects.tsv
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.stdout.write(subjects_tsv())
