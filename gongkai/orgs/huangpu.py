"""The demo registry: Guangzhou Huangpu District (广州开发区) as data.

Every unit the 2022 seed plan names, the district's streets and town, and its park
management bodies. Names without the 区 prefix are added as aliases automatically and
traditional-character spellings match through ``name_key``, so only genuinely other
names (short forms, fuller official forms) are listed.
"""
from django.db import transaction

from gongkai.core.text import name_key
from gongkai.orgs.models import Unit, UnitAlias, UnitCategory
from gongkai.orgs.services import groups_ensure_known, unit_alias_add, unit_create

D, S, P, OT = (UnitCategory.DEPARTMENT, UnitCategory.STREET_TOWN, UnitCategory.PARK,
              UnitCategory.OTHER)

# (canonical name, category, short name, other names)
DEPARTMENTS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("区政府办", D, "区府办", ("区政府办公室", "区人民政府办公室", "管委会办公室")),
    ("区发展改革局", D, "发改局", ("区发展和改革局",)),
    ("区工业和信息化局", D, "工信局", ()),
    ("区商务局", D, "", ()),
    ("区国资局", D, "", ("区国有资产监督管理局",)),
    ("区市场监管局", D, "", ("区市场监督管理局",)),
    ("区文化广电旅游局", D, "文广旅局", ("区文化广电旅游体育局",)),
    ("区住房城乡建设局", D, "住建局", ("区住房和城乡建设局",)),
    ("区人力资源社会保障局", D, "人社局", ("区人力资源和社会保障局",)),
    ("区城市管理综合执法局", D, "城管局", ("区城市管理和综合执法局",)),
    ("区金融局", D, "", ("区地方金融监督管理局", "区金融工作局")),
    ("区规划和自然资源局", D, "规划资源局", ("区规划自然资源局",)),
    ("区水务局", D, "", ()),
    ("区税务局", D, "", ("国家税务总局广州市黄埔区税务局",)),
    ("区财政局", D, "", ()),
    ("区卫生健康局", D, "卫健局", ("区卫生和健康局", "区卫生健康委")),
    ("区退役军人事务局", D, "退役军人局", ()),
    ("区农业农村局", D, "农业局", ()),
    ("区教育局", D, "", ()),
    ("区政务服务数据管理局", D, "政数局", ("区政务服务和数据管理局",)),
    ("区司法局", D, "", ()),
    ("区民政局", D, "", ()),
    # 区信息办: named with the office for task 59 (assessment). Its exact official name is
    # not certain from the seed; kept as the seed writes it.
    ("区信息办", D, "", ()),
    # Departments the seed does not name but a district this size has; they receive the
    # tasks addressed to 各部门. Names follow Huangpu's usual short forms (best knowledge).
    ("区科技局", D, "", ("区科学技术局",)),
    ("区公安分局", D, "", ("广州市公安局黄埔区分局",)),
    ("区交通运输局", D, "", ()),
    ("区生态环境分局", D, "", ("广州市生态环境局黄埔分局",)),
    ("区应急管理局", D, "", ()),
    ("区统计局", D, "", ()),
    ("区审计局", D, "", ()),
    ("区医疗保障局", D, "医保局", ()),
    ("区城市更新局", D, "", ()),
    ("区投资促进局", D, "投促局", ()),
    ("区知识产权局", D, "", ()),
)

OTHERS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    # Public-service institutions (not administrative departments), so 各部门 does not
    # expand to them; task 53 names them explicitly.
    ("区图书馆", OT, "", ()),
    ("区档案馆", OT, "", ()),
)

OFFICE = ("区政务公开办", OT, "政务公开办",
          ("区政务公开工作办公室", "区政务公开办公室"))

# Huangpu's streets and its one town after the 2019–2020 adjustment (九龙镇 became 九佛街道,
# 龙湖街道 and 新龙镇; 长岭街道 was newly set up). 东区街道 is left out on the reading that it
# was merged in that adjustment; this is best knowledge, not checked against a gazette.
STREETS_TOWNS: tuple[str, ...] = (
    "黄埔街道", "红山街道", "鱼珠街道", "大沙街道", "文冲街道", "穗东街道", "南岗街道",
    "长洲街道", "夏港街道", "萝岗街道", "联和街道", "永和街道", "云埔街道", "长岭街道",
    "九佛街道", "龙湖街道", "新龙镇",
)

# Park management bodies. 生物岛管委会 is named in the seed (task 53); the others are the
# district's major parks as best known, their official body names are uncertain.
PARKS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("生物岛管委会", P, "", ("广州国际生物岛管委会", "国际生物岛管委会")),
    ("中新广州知识城管委会", P, "知识城管委会", ("中新知识城管委会",)),  # uncertain
    ("广州科学城管委会", P, "科学城管委会", ()),  # uncertain
    ("黄埔临港经济区管委会", P, "临港经济区管委会", ("黄埔港管委会",)),  # uncertain
    ("长洲岛管委会", P, "", ()),  # uncertain
)


def _entries():
    yield OFFICE
    yield from DEPARTMENTS
    yield from OTHERS
    for name in STREETS_TOWNS:
        # 黄埔街道 ↔ 黄埔街, the short form some documents use.
        yield (name, S, "", (name.removesuffix("街道") + "街",) if name.endswith("街道") else ())
    yield from PARKS


def _other_names(name: str, aliases: tuple[str, ...]) -> list[str]:
    names = list(aliases)
    for n in (name, *aliases):
        if n.startswith("区") and len(n) > 3:
            names.append(n[1:])
    return names


@transaction.atomic
def load_huangpu_registry() -> int:
    """Create the demo registry; running it again changes nothing. Returns how many
    units were created. Also ensures the known groups exist."""
    groups_ensure_known()
    known = {u.name: u for u in Unit.objects.all()}
    alias_keys = set(UnitAlias.objects.values_list("key", flat=True))
    created = 0
    for position, (name, category, short, aliases) in enumerate(_entries(), start=1):
        unit = known.get(name)
        if unit is None:
            unit = unit_create(name=name, category=category, short_name=short)
            unit.sort_order = position
            unit.save(update_fields=["sort_order"])
            created += 1
        for other in _other_names(name, aliases):
            key = name_key(other)
            if key not in alias_keys and key != name_key(name):
                unit_alias_add(unit=unit, name=other)
                alias_keys.add(key)
    office = Unit.objects.get(name=OFFICE[0])
    if not office.is_office and not Unit.objects.filter(is_office=True).exists():
        office.is_office = True
        office.save(update_fields=["is_office"])
    return created


def demo_office() -> Unit:
    """The disclosure office, for a module's demo data: the registry's, or, when a demo
    runs without the registry (a module's own tests), the office unit made on its own."""
    office = Unit.objects.filter(is_office=True).order_by("pk").first()
    if office is None:
        office, _created = Unit.objects.get_or_create(
            name=OFFICE[0], defaults={"is_office": True, "category": OFFICE[1]})
    return office
