"""The group words plans use, known even on an empty registry.

Each canonical group has its other spellings and the unit categories it covers by
default. Groups with no category (各有关部门, 各政策牵头部门 …) are filled in by explicit
membership; until then they expand to nobody and the assignment page says so.
"""
import re
from dataclasses import dataclass, field

from gongkai.orgs.models import UnitCategory


@dataclass(frozen=True)
class GroupWord:
    name: str
    aliases: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    description: str = ""
    extra: dict = field(default_factory=dict)


KNOWN_GROUPS: tuple[GroupWord, ...] = (
    GroupWord("各部门", ("各单位部门", "区各部门", "各区直部门", "区府属各单位", "各区级部门"),
              (UnitCategory.DEPARTMENT,), "区政府工作部门和直属单位"),
    GroupWord("各有关部门", ("有关部门", "各相关部门", "相关部门"),
              (UnitCategory.DEPARTMENT,), "与任务相关的部门，默认为全部部门"),
    GroupWord("各相关主管部门", ("相关主管部门", "各主管部门", "主管部门", "各行业主管部门"),
              (), "公共企事业单位的行业主管部门，按指定成员"),
    GroupWord("各街镇", ("街镇", "各街道、镇", "各街道镇", "各街道和镇", "各镇街", "镇街",
                       "各街道", "各镇", "基层街镇", "各街", "各镇街道"),
              (UnitCategory.STREET_TOWN,), "全区街道和镇"),
    GroupWord("园区管理机构", ("各园区管理机构", "园区", "各园区"),
              (UnitCategory.PARK,), "园区管理机构"),
    GroupWord("各有关单位", ("有关单位", "各相关单位", "相关单位", "各单位"),
              (UnitCategory.DEPARTMENT, UnitCategory.STREET_TOWN, UnitCategory.PARK),
              "全区各单位"),
    GroupWord("各政策牵头部门", ("政策牵头部门", "各政策起草部门", "文件起草单位"),
              (), "起草相关政策的部门，按指定成员"),
)


# What a group word is, by rule rather than by list: a plural marker (各, 有关, 相关 …) or a
# level word (市直, 区属 …) followed by a noun for a kind of organisation. The nouns and
# markers are data; ``looks_like_group`` reads them. A parenthesised alternative
# (各乡镇人民政府（街道办事处）, 各县（市、区）政府) is read without its bracket.
GROUP_NOUNS: tuple[str, ...] = (
    "部门", "单位", "机构", "政府", "人民政府", "街镇", "镇街", "乡镇", "街道", "镇", "乡",
    "区", "县", "市", "县区", "县市区", "处室", "科室", "委办局", "直属机构", "事业单位",
    "办事处", "管委会", "园区", "企业", "国有企业", "学校", "医院", "成员单位", "地区",
    "主管部门", "行业主管部门", "派出机构", "下属单位", "所属单位", "直属单位", "街", "办", "局",
    "委", "委办局", "社区", "村",
)
# Words that name a kind of body wherever they stand ("…等行业主管部门").
CATEGORY_ENDS: tuple[str, ...] = ("主管部门", "职能部门", "有关部门", "相关部门", "成员单位",
                                  "有关单位", "相关单位")
PLURAL_MARKERS: tuple[str, ...] = ("各", "有关", "相关", "其他", "其它", "所属", "下属")
# What may stand before 各 in "市政府各部门", "区直各有关单位", "省政府各直属机构".
LEVEL_WORDS = re.compile(r"^(?:[省市区县州旗](?:人民)?(?:政府|委|直|属|级)?|[省市区县]直属|"
                         r"(?:市|区|县|省)?(?:政府|府)属?|本级|全[省市区县]|机关|[局委厅办]属|"
                         r"[局委厅](?:机关)?|本系统|系统内?)$")
# "区属事业单位", "市直相关单位", "县直有关部门": a level word then a noun, with no 各.
_LEVEL_NOUN = re.compile(r"^[省市区县](?:直|属|级)(?:各)?(?:有关|相关)?(?:的)?(.+)$")
_BRACKETS = re.compile(r"[(（][^()（）]*[)）]")


def _ends_with_noun(text: str) -> bool:
    return any(text.endswith(noun) for noun in GROUP_NOUNS)


def looks_like_group(name: str) -> bool:
    """Whether ``name`` (simplified, NFKC) is a group word by the general rule."""
    text = _BRACKETS.sub("", name).replace(" ", "").rstrip("等")
    if len(text) < 2 or len(text) > 30 or not _ends_with_noun(text):
        return False
    if text.startswith(PLURAL_MARKERS) or text.endswith(CATEGORY_ENDS):
        return True
    before, marker, _after = text.partition("各")
    if marker and before and LEVEL_WORDS.match(before):
        return True
    if m := _LEVEL_NOUN.match(text):
        rest = m.group(1)
        return any(rest.endswith(n) for n in ("部门", "单位", "机构", "企业", "事业单位"))
    return False
