"""The documents of the demo policy library, written for the demo in the style of a
district government. Titles, 文号 and texts are invented; no figure in them is a real
policy figure, and every body says so."""
import datetime as dt
from dataclasses import dataclass

D = dt.date
DEMO_NOTE = "（本文件为系统演示数据，不是真实的政策文件，所列措施和数字均为示例。）"

# Used only when the library has no topics yet.
TOPICS = ("综合政务", "国民经济管理", "财政、金融", "城乡建设、住房", "科技、教育",
          "商贸、营商环境", "民政、社区服务", "政务服务")

GOV_OFFICE, FGJ, JYJ = "区政府办", "区发展改革局", "区教育局"
ZJJ, ZSJ, HPJD = "区住房城乡建设局", "区政务服务数据管理局", "黄埔街道"


@dataclass(frozen=True)
class Interpretation:
    form: str  # InterpretationForm value
    days_after: int = 0  # 0: the same day (三同步)
    media_url: str = ""


@dataclass(frozen=True)
class Doc:
    key: str
    kind: str  # DocumentKind value
    unit: str
    title: str
    doc_number: str
    published_on: dt.date
    topic: str
    measures: tuple[str, ...]
    effective_on: dt.date | None = None
    expires_on: dt.date | None = None
    interpretation: Interpretation | None = None


N, P, A = "normative", "policy", "announcement"
TEXT, GRAPHIC, QA = "text", "graphic", "qa"

DOCUMENTS: tuple[Doc, ...] = (
    Doc("sme", N, GOV_OFFICE, "关于印发黄埔区促进中小微企业发展若干措施的通知",
        "穗埔府办规〔2025〕3号", D(2025, 3, 18), "商贸、营商环境",
        ("降低中小微企业融资成本，鼓励金融机构开发适合小微企业的信贷产品。",
         "支持中小微企业开展技术改造和数字化转型，按规定给予一定比例的资金支持。",
         "优化政务服务，涉企事项推行“一网通办”“免申即享”。"),
        effective_on=D(2025, 4, 18), expires_on=D(2028, 4, 17),
        interpretation=Interpretation(TEXT)),
    Doc("sme_amend", N, GOV_OFFICE,
        "关于修改《黄埔区促进中小微企业发展若干措施》部分条款的通知",
        "穗埔府办规〔2025〕9号", D(2025, 10, 20), "商贸、营商环境",
        ("将第二条中的资金支持申报时间调整为每年两批。",
         "新增对首次入选专精特新企业名单的中小企业的服务措施。"),
        effective_on=D(2025, 11, 1), interpretation=Interpretation(TEXT)),
    Doc("housing_old", N, ZJJ, "黄埔区公共租赁住房保障管理办法",
        "穗埔建规〔2021〕2号", D(2021, 6, 15), "城乡建设、住房",
        ("明确公共租赁住房的申请条件、轮候规则和退出管理。",
         "街道负责受理申请并进行初审，区住房城乡建设局负责复核。"),
        effective_on=D(2021, 7, 1)),
    Doc("housing", N, ZJJ, "关于印发黄埔区公共租赁住房保障管理办法（2025年修订）的通知",
        "穗埔建规〔2025〕1号", D(2025, 7, 1), "城乡建设、住房",
        ("简化申请材料，推行网上申请和全程网办。",
         "完善轮候排序规则，优先保障符合条件的困难家庭。",
         "本办法施行后，《黄埔区公共租赁住房保障管理办法》（穗埔建规〔2021〕2号）同时废止。"),
        effective_on=D(2025, 8, 1), interpretation=Interpretation(TEXT, days_after=9)),
    Doc("kindergarten", N, JYJ, "黄埔区支持民办幼儿园普惠发展实施办法",
        "穗埔教规〔2023〕1号", D(2023, 2, 20), "科技、教育",
        ("对认定为普惠性民办幼儿园的，按规定给予生均补助。",
         "加强普惠性民办幼儿园办园行为监管和年度考核。"),
        effective_on=D(2023, 3, 1), expires_on=D(2025, 2, 28),
        interpretation=Interpretation(TEXT)),
    Doc("investment", N, FGJ, "关于进一步规范区级政府投资项目管理的若干规定",
        "穗埔发改规〔2024〕2号", D(2024, 9, 10), "国民经济管理",
        ("区级政府投资项目实行项目储备库管理，未入库项目不得安排资金。",
         "加强项目前期工作，可行性研究报告应当达到规定深度。",
         "项目建设单位应当按月报送项目进展情况。"),
        effective_on=D(2024, 10, 10),
        interpretation=Interpretation(GRAPHIC, media_url="https://www.example.gov.cn/tj/2024-02.html")),
    Doc("one_net", N, ZSJ, "黄埔区政务服务“一网通办”工作规则",
        "穗埔政数规〔2025〕1号", D(2025, 5, 12), "政务服务",
        ("政务服务事项应当纳入一体化政务服务平台统一办理。",
         "各单位应当及时更新办事指南，确保线上线下标准一致。"),
        effective_on=D(2025, 6, 1), interpretation=Interpretation(QA)),
    Doc("school_care", N, JYJ, "黄埔区学生校外托管机构管理暂行办法",
        "穗埔教规〔2026〕1号", D(2026, 2, 10), "科技、教育",
        ("校外托管机构应当依法登记，并向所在街道报备。",
         "教育、市场监管、消防等部门按职责开展联合检查。"),
        effective_on=D(2026, 3, 1), expires_on=D(2028, 2, 29),
        interpretation=Interpretation(TEXT)),
    Doc("old_estates", P, ZJJ, "黄埔区老旧小区改造工作实施方案",
        "穗埔建〔2025〕15号", D(2025, 4, 8), "城乡建设、住房",
        ("按照“先民生后提升”的原则确定改造内容。",
         "充分听取居民意见，改造方案经居民议事协商后实施。")),
    Doc("gk_points", P, GOV_OFFICE, "黄埔区2025年政务公开工作要点",
        "穗埔府办函〔2025〕21号", D(2025, 4, 25), "综合政务",
        ("围绕稳增长、优环境、惠民生加强政策发布和解读。",
         "规范依申请公开办理，提高答复质量。",
         "推进基层政务公开标准化规范化。")),
    Doc("digital", P, FGJ, "黄埔区促进数字经济高质量发展三年行动方案（2025—2027年）",
        "穗埔发改〔2025〕30号", D(2025, 6, 20), "国民经济管理",
        ("培育数字产业集群，推动制造业数字化转型。",
         "建设数据要素流通服务平台，探索公共数据授权运营。"),
        interpretation=Interpretation(TEXT)),
    Doc("kg_enrol", P, JYJ, "黄埔区2025年公办幼儿园招生工作方案",
        "穗埔教〔2025〕12号", D(2025, 5, 6), "科技、教育",
        ("公办幼儿园招生实行网上报名、电脑派位。",
         "招生计划、报名条件和录取结果在区教育局网站公开。")),
    Doc("projects_notice", A, FGJ, "关于黄埔区2026年重点建设项目计划的公示",
        "", D(2026, 1, 20), "国民经济管理",
        ("现将2026年重点建设项目计划予以公示，公示期为7个工作日。",
         "公示期间如有意见，请以书面形式向区发展改革局反映。")),
    Doc("consult_notice", A, GOV_OFFICE,
        "关于公开征求《黄埔区促进中小微企业发展若干措施》修改意见的公告",
        "", D(2025, 9, 1), "商贸、营商环境",
        ("为提高政策的针对性和可操作性，现公开征求社会公众意见。",
         "征求意见时间为30日，可通过区政府门户网站提交意见。")),
    Doc("street_notice", A, HPJD, "黄埔街道2025年度社区综合服务中心运营项目结果公告",
        "", D(2025, 11, 12), "民政、社区服务",
        ("经公开比选，确定了本年度社区综合服务中心的运营机构。",
         "公告期为5个工作日，有异议的可向黄埔街道办事处提出。")),
)

# (document amended or repealed, by which document)
AMENDMENTS = (("sme", "sme_amend"),)
REPEALS = (("housing_old", "housing"),)
# (year, number, title, published_on, document keys)
GAZETTE = (
    (2025, 1, "黄埔区人民政府公报 2025年第1期（演示）", D(2025, 4, 30),
     ("sme", "old_estates", "gk_points")),
    (2025, 2, "黄埔区人民政府公报 2025年第2期（演示）", D(2025, 7, 31),
     ("housing", "one_net", "digital", "kg_enrol")),
)
# (name, field, url, supervising unit)
ENTERPRISES = (
    ("黄埔示例供水有限公司", "water", "https://water.example.gov.cn/xxgk/", "区水务局"),
    ("黄埔示例供电服务中心", "power", "https://power.example.gov.cn/xxgk/", "区发展改革局"),
    ("黄埔示例燃气有限公司", "gas", "https://gas.example.gov.cn/xxgk/", "区住房城乡建设局"),
    ("黄埔示例公共交通有限公司", "transport", "https://bus.example.gov.cn/xxgk/",
     "区交通运输局"),
    ("黄埔区示例社区卫生服务中心", "medical", "https://health.example.gov.cn/xxgk/",
     "区卫生健康局"),
    ("黄埔区示例实验学校", "education", "https://school.example.gov.cn/xxgk/", "区教育局"),
)
# (unit, licensing, penalty, enforcement, fees in 万元) for 2025
DECISION_COUNTS = (
    ("区发展改革局", 126, 3, 0, "0"),
    ("区市场监管局", 2310, 412, 35, "12.5"),
    ("区住房城乡建设局", 845, 97, 6, "3.2"),
    ("区教育局", 64, 0, 0, "0"),
)
# (category code, title, description, basis, made_on, url)
CATALOG_ITEMS = (
    ("A20-03", "国民经济和社会发展规划", "区国民经济和社会发展五年规划纲要及年度计划。",
     "《中华人民共和国政府信息公开条例》第二十条", D(2025, 3, 1),
     "https://www.example.gov.cn/fgj/ghjh/"),
    ("A20-05", "企业投资项目核准和备案", "核准、备案的依据、条件、程序和办理结果。",
     "《企业投资项目核准和备案管理条例》", D(2025, 4, 15),
     "https://www.example.gov.cn/fgj/xmba/"),
    ("A20-10", "重大建设项目批准和实施情况", "重大建设项目的批准服务、实施和竣工信息。",
     "《关于推进重大建设项目批准和实施领域政府信息公开的意见》", D(2025, 6, 30),
     "https://www.example.gov.cn/fgj/zdxm/"),
)
