"""What a unit's name looks like: where it ends, where two glued names part, and which
names take the shared prefix (省/市/区/县) of the list they stand in.

Pure functions over data: the suffixes, the national bodies and the provinces are
lists of facts about Chinese organisation names, not of any one plan's names.
"""
import re
from collections.abc import Collection

from gongkai.core.text import name_key

# How the name of an organisation ends.
UNIT_SUFFIXES = ("局", "办", "委", "会", "院", "馆", "所", "站", "队", "中心", "部门", "单位",
                 "机构", "街道", "街", "镇", "乡", "政府", "办公室", "办公厅", "公司", "集团", "处",
                 "科", "室", "厅", "署", "小组", "部", "行", "支行", "分行", "社", "团", "管委会",
                 "海关", "法院", "检察院", "银行", "分局", "支队", "大队", "园", "场", "台", "报社")
# Where two names written without a separator may be parted (the left one ends here).
_STRONG_ENDS = ("局", "厅", "委", "管委会", "办公室", "中心", "公司", "集团", "支行", "街道",
                "院", "馆", "海关")
# What cannot begin a name of its own: it continues the name before it (市公安局交警支队
# is one unit, 区委办公室 is not 区委 + 办公室).
_DEPENDENT_STARTS = ("第", "分", "直属", "下属", "所属", "办公", "员", "会", "办", "机关",
                     "支队", "大队", "中队", "派出", "驻", "支行", "分行", "研究室")
# Names that begin with a national body or a place carry their own level.
NATIONAL_PREFIXES = ("人民银行", "中国人民银行", "国家", "中国", "中央", "国务院", "中共", "共青团",
                     "全国", "海关总署", "银保监", "证监", "国资委")
PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏",
             "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川",
             "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏",
             "新疆", "香港", "澳门")
_PREFIXES = ("区", "市", "省", "县")
# 市场监管局 and 市政公用局 begin with a word, not with 市 (but 市政务服务中心 does).
_FALSE_PREFIX = re.compile(r"^(?:市场|市政(?![务府协])|市容|区域|区块|[省市区县]级|县域)")
# Words ending in 市/区/县 that are not places (城市管理综合执法局 takes the 区 prefix).
_NOT_PLACES = ("城市", "都市", "超市", "社区", "景区", "城区", "园区", "校区", "辖区", "小区",
               "片区", "郊区", "市区", "城乡")
_PLACE_AT_START = re.compile(r"^([\u4e00-\u9fff]{2,3}?)(?:省|市|区|县|州)(?=[\u4e00-\u9fff])")
# Prefix-less items that take the list's 区/市 prefix: departments, not parks or streets.
INHERITS_PREFIX = ("局", "办", "委", "中心", "馆", "院", "所", "队", "站", "室", "处", "部",
                   "厅", "办公室")


def places_in(text: str) -> set[str]:
    """Place stems a document names in its title or issuer (潍坊市 → 潍坊)."""
    return {m.group(1) for m in re.finditer(r"([\u4e00-\u9fff]{2,3}?)(?:省|市|区|县)", text)
            if m.group(1) not in _NOT_PLACES}


def prefix_of(item: str) -> str:
    if item.startswith(_PREFIXES) and not _FALSE_PREFIX.match(item):
        return item[0]
    return ""


def has_own_level(item: str, places: Collection[str] = ()) -> bool:
    """A name that begins with a national body or a place needs no shared prefix."""
    if prefix_of(item) or item.startswith(NATIONAL_PREFIXES) or item.startswith(PROVINCES):
        return True
    if any(item.startswith(place) for place in places):
        return True
    m = _PLACE_AT_START.match(item)
    return bool(m) and not any(item.startswith(word) for word in _NOT_PLACES)


def looks_like_name(item: str) -> bool:
    return 2 <= len(item) <= 40 and item.endswith(UNIT_SUFFIXES)


def with_prefix(item: str, prefix: str, known: Collection[str],
                places: Collection[str] = ()) -> tuple[str, bool]:
    """(name, guessed): the list's prefix given to an item that needs it."""
    if not prefix or has_own_level(item, places):
        return item, False
    if name_key(prefix + item) in known:
        return prefix + item, False
    if item.endswith(INHERITS_PREFIX) and name_key(item) not in known:
        return prefix + item, True
    return item, False


def split_glued(item: str, is_known) -> list[str] | None:
    """区农业农村局教育局 → [区农业农村局, 教育局] by the endings of names; None when
    no safe place to part them is found."""
    for pos in range(2, len(item) - 1):
        left, right = item[:pos], item[pos:]
        if len(right) < 2 or right.startswith(_DEPENDENT_STARTS):
            continue
        if not (left.endswith(_STRONG_ENDS) and looks_like_name(right)) \
                or left.endswith(("总局", "总署", "总行")) \
                or (left.startswith(NATIONAL_PREFIXES) and not prefix_of(right)):
            continue
        if is_known(left) or len(left) >= 4:
            rest = split_glued(right, is_known)
            return [left, *(rest or [right])]
    return None
