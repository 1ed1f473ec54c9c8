"""The disclosure applications of the demo, as data (``gongkai.foi.demo`` files them).

Every applicant is fictional: 张三-style names, organisations called 示例…, phones
138-0000-xxxx, ID numbers made up with a valid GB 11643 / GB 32100 check character.
"""
import datetime as dt
from dataclasses import dataclass

from gongkai.foi.codes import AppealKind, AppealResult, Channel
from gongkai.foi.codes import ApplicantType as T
from gongkai.foi.codes import Outcome as O  # noqa: N817 - reads like the report's codes

# (type, name, contact person) — the contact person only for organisations.
APPLICANTS: tuple[tuple[str, str, str], ...] = (
    (T.NATURAL_PERSON, "张三", ""),
    (T.NATURAL_PERSON, "李四", ""),
    (T.NATURAL_PERSON, "王五", ""),
    (T.NATURAL_PERSON, "赵六", ""),
    (T.NATURAL_PERSON, "孙七", ""),
    (T.NATURAL_PERSON, "周八", ""),
    (T.NATURAL_PERSON, "吴九", ""),
    (T.NATURAL_PERSON, "郑十", ""),
    (T.COMMERCIAL, "广州示例科技有限公司", "陈经理"),
    (T.COMMERCIAL, "黄埔示例物流有限公司", "林主管"),
    (T.RESEARCH, "示例城市发展研究院", "黄研究员"),
    (T.NON_PROFIT, "示例社区公益基金会", "何干事"),
    (T.LEGAL_SERVICE, "示例律师事务所", "罗律师"),
    (T.OTHER_ORG, "示例花园小区业主委员会", "梁主任"),
)


@dataclass(frozen=True)
class Appeal:
    kind: str
    filed_after: int  # working days after the reply
    body: str
    result: str = AppealResult.PENDING
    decided_after: int = 0  # working days after filing


@dataclass(frozen=True)
class Case:
    """One application. ``received`` is a fixed date, or an int: that many working days
    before the day the demo is loaded (so "due soon" stays true on any installation).
    ``flow`` names the steps (see ``gongkai.foi.demo.FLOWS``); ``outcome`` is empty for
    an application still open."""

    unit: str
    applicant: int
    channel: str
    received: dt.date | int
    flow: str
    description: str
    outcome: str = ""
    reply_after: int = 12  # working days after receipt (or after the last pause)
    archive: bool = True
    appeal: Appeal | None = None


D = dt.date
FGJ, JYJ, HPJD, ZSJ = "区发展改革局", "区教育局", "黄埔街道", "区政务服务数据管理局"
WJJ, ZJJ = "区卫生健康局", "区住房城乡建设局"
ONLINE, IN_PERSON, POST = Channel.ONLINE, Channel.IN_PERSON, Channel.REGISTERED_POST
LETTER, FAX = Channel.LETTER, Channel.FAX

CASES: tuple[Case, ...] = (
    # 2025: closed during the year (and two carried into 2026).
    Case(FGJ, 0, IN_PERSON, D(2025, 3, 10), "reply",
         "【演示】请公开2024年度黄埔区重点建设项目计划清单。", O.DISCLOSED),
    Case(JYJ, 1, ONLINE, D(2025, 4, 14), "reply",
         "【演示】请公开2025年黄埔区公办小学招生地段划分方案。", O.PARTLY),
    Case(HPJD, 2, POST, D(2025, 5, 20), "supplement",
         "【演示】请公开我家附近道路改造的相关文件。", O.UNABLE_NOT_HELD),
    Case(FGJ, 8, ONLINE, D(2025, 6, 3), "consult",
         "【演示】请公开某产业园区项目的投资协议及补充协议。", O.WITHHELD_THIRD_PARTY,
         appeal=Appeal(AppealKind.RECONSIDERATION, 20, "广州市黄埔区人民政府",
                       AppealResult.UPHELD, 40)),
    Case(ZSJ, 10, IN_PERSON, D(2025, 6, 18), "fee",
         "【演示】请提供2020年至2024年政务服务事项办件量统计表。", O.DISCLOSED),
    Case(JYJ, 11, LETTER, D(2025, 7, 8), "reply",
         "【演示】请公开区教育局关于学位建设规划的内部讨论记录。", O.WITHHELD_PROCESS),
    Case(FGJ, 12, POST, D(2025, 8, 12), "extend",
         "【演示】请公开2023年至2025年区级政府投资项目审批文件目录及批复文件。", O.PARTLY,
         appeal=Appeal(AppealKind.LITIGATION_DIRECT, 30, "广州铁路运输法院")),
    Case(HPJD, 13, IN_PERSON, D(2025, 9, 9), "reply",
         "【演示】要求街道查处小区物业公司违规收费并答复处理结果。", O.NOT_PROCESSED_PETITION),
    Case(ZSJ, 3, ONLINE, D(2025, 10, 13), "reply",
         "【演示】请按街道分列统计近五年政务服务大厅每日排队时长。", O.UNABLE_NEEDS_MAKING),
    Case(HPJD, 4, FAX, D(2025, 11, 3), "reply",
         "【演示】再次申请公开黄埔街道2024年度部门预算。", O.NOT_PROCESSED_REPEAT),
    Case(ZJJ, 9, IN_PERSON, D(2025, 4, 28), "supplement",
         "【演示】请公开有关地块的相关审批材料。", O.UNABLE_UNCLEAR),
    Case(WJJ, 7, ONLINE, D(2025, 2, 17), "reply",
         "【演示】请提供《黄埔区统计年鉴（2024）》纸质版一册。", O.NOT_PROCESSED_PUBLICATION,
         appeal=Appeal(AppealKind.LITIGATION_AFTER, 15, "广州铁路运输法院",
                       AppealResult.OTHER, 60)),
    Case(FGJ, 5, ONLINE, D(2025, 12, 15), "reply",
         "【演示】请公开2025年黄埔区价格监测报告。", O.DISCLOSED, reply_after=18),
    Case(JYJ, 6, ONLINE, D(2025, 12, 22), "reply",
         "【演示】请公开区教育局2025年第四季度局务会议纪要。", O.WITHHELD_INTERNAL,
         reply_after=16),
    # This year (relative to the day of loading): closed.
    Case(FGJ, 0, ONLINE, 120, "reply",
         "【演示】请公开本年度黄埔区新能源汽车充电设施建设计划。", O.DISCLOSED),
    Case(JYJ, 9, IN_PERSON, 100, "reply",
         "【演示】请公开校车服务采购项目的招标文件及中标结果。", O.PARTLY, reply_after=15,
         archive=False),
    Case(HPJD, 11, ONLINE, 80, "consult_agency",
         "【演示】请公开黄埔街道辖区内河涌整治工程的环境影响评价批复。", O.DISCLOSED),
    Case(ZSJ, 1, ONLINE, 60, "reply",
         "【演示】请提供本人名下企业在政务服务平台的办件查询记录。", O.WITHHELD_QUERY,
         appeal=Appeal(AppealKind.RECONSIDERATION, 5, "广州市黄埔区人民政府",
                       AppealResult.CORRECTED, 30)),
    Case(JYJ, 2, ONLINE, 30, "abandon_supplement",
         "【演示】请公开学校的有关材料。", ""),
    Case(FGJ, 8, ONLINE, 45, "abandon_unpaid",
         "【演示】请提供2015年以来全部企业投资项目备案证明复印件。", ""),
    # This year: still open.
    Case(FGJ, 3, ONLINE, 17, "open",
         "【演示】请公开黄埔区2026年民生实事项目进展情况。"),
    Case(JYJ, 12, POST, 15, "open",
         "【演示】请公开区属中小学教师招聘岗位表及录用名单。"),
    Case(HPJD, 4, IN_PERSON, 24, "open",
         "【演示】请公开黄埔街道老旧小区改造项目资金使用明细。"),
    Case(ZSJ, 10, ONLINE, 22, "open_extended",
         "【演示】请公开2025年全区政务服务“好差评”评价数据汇总。"),
    Case(FGJ, 9, ONLINE, 9, "open_consulting",
         "【演示】请公开港口物流园区规划调整的批复及其附件。"),
    Case(JYJ, 5, ONLINE, 4, "open_supplement",
         "【演示】请公开有关学校的资料。"),
    Case(ZSJ, 13, IN_PERSON, 8, "open_fee",
         "【演示】请提供近三年各政务服务大厅窗口设置调整的全部文件。"),
    Case(HPJD, 6, ONLINE, 0, "pending",
         "【演示】请公开黄埔街道2026年社区综合服务中心运营经费。"),
    Case(FGJ, 7, IN_PERSON, 2, "open",
         "【演示】请公开区发展改革局2026年政府信息公开工作要点。"),
)

REASONS = {
    O.PARTLY: "所申请信息中含有第三方商业信息，已作区分处理，其余部分予以公开。",
    O.WITHHELD_THIRD_PARTY: "经征求第三方意见，第三方不同意公开，公开会损害第三方合法权益。",
    O.WITHHELD_PROCESS: "所申请信息属于行政机关在履行职责过程中形成的讨论记录，属于过程性信息。",
    O.WITHHELD_INTERNAL: "所申请的会议纪要属于内部事务信息。",
    O.WITHHELD_QUERY: "所申请信息属于行政查询事项，请通过政务服务平台按规定查询。",
    O.UNABLE_NOT_HELD: "经检索，本机关未制作或获取所申请的政府信息。",
    O.UNABLE_NEEDS_MAKING: "所申请信息需要对现有数据进行加工、分析后另行制作。",
    O.UNABLE_UNCLEAR: "经补正，申请内容仍不明确，无法确定所需政府信息。",
    O.NOT_PROCESSED_PETITION: "所提要求属于投诉举报事项，已告知通过相应渠道反映。",
    O.NOT_PROCESSED_REPEAT: "申请人已就同一内容提出申请，本机关已作出答复。",
    O.NOT_PROCESSED_PUBLICATION: "所申请内容为公开出版物，可通过公共图书馆等渠道获取。",
}
