"""The group words plans use, known even on an empty registry.

Each canonical group has its other spellings and the unit categories it covers by
default. Groups with no category (各有关部门, 各政策牵头部门 …) are filled in by explicit
membership; until then they expand to nobody and the assignment page says so.
"""
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
                       "各街道", "各镇", "基层街镇"),
              (UnitCategory.STREET_TOWN,), "全区街道和镇"),
    GroupWord("园区管理机构", ("各园区管理机构", "园区", "各园区"),
              (UnitCategory.PARK,), "园区管理机构"),
    GroupWord("各有关单位", ("有关单位", "各相关单位", "相关单位", "各单位"),
              (UnitCategory.DEPARTMENT, UnitCategory.STREET_TOWN, UnitCategory.PARK),
              "全区各单位"),
    GroupWord("各政策牵头部门", ("政策牵头部门", "各政策起草部门", "文件起草单位"),
              (), "起草相关政策的部门，按指定成员"),
)
