"""The categories of the proactive-disclosure catalog (主动公开目录): the 15 items of
Art. 20 of the Regulation on Open Government Information and the district-level topics
of Art. 21. ``catalog_categories_ensure`` loads them; the district may add its own."""

_NUMERALS = "一二三四五六七八九十"


def _item(n: int) -> str:
    return _NUMERALS[n - 1] if n <= 10 else "十" + _NUMERALS[n - 11]


ARTICLE_20 = [
    "行政法规、规章和规范性文件",
    "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
    "国民经济和社会发展规划、专项规划、区域规划及相关政策",
    "国民经济和社会发展统计信息",
    "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
    "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
    "财政预算、决算信息",
    "行政事业性收费项目及其依据、标准",
    "政府集中采购项目的目录、标准及实施情况",
    "重大建设项目的批准和实施情况",
    "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
    "突发公共事件的应急预案、预警信息及应对情况",
    "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
    "公务员招考的职位、名额、报考条件等事项以及录用结果",
    "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
]

ARTICLE_21 = ["市政建设", "公共服务", "公益事业", "土地征收", "房屋征收", "治安管理", "社会救助"]

# (code, name, article, order)
CATEGORIES: list[tuple[str, str, str, int]] = [
    *((f"A20-{n:02d}", name, f"条例第二十条第（{_item(n)}）项", n)
      for n, name in enumerate(ARTICLE_20, start=1)),
    *((f"A21-{n:02d}", name, "条例第二十一条", 100 + n)
      for n, name in enumerate(ARTICLE_21, start=1)),
]
