"""Readable Chinese labels for audit action codes, for history tables.

A code missing here is shown as is, so a new action is never hidden from the history.
"""
from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "plans.plan.imported": _("导入分工方案"),
    "plans.plan.assigned": _("分派任务"),
    "plans.assignment.breakdown_updated": _("更新任务分解"),
    "plans.report.draft_saved": _("保存草稿"),
    "plans.report.submitted": _("报送"),
    "plans.report.returned": _("退回整改"),
    "plans.report.resubmitted": _("整改后重新报送"),
    "plans.report.passed": _("审核通过"),
    "plans.evidence.added": _("添加佐证材料"),
    "plans.evidence.removed": _("删除佐证材料"),
    "plans.evidence.checked": _("网上核查"),
    "orgs.unit.created": _("新建单位"),
    "orgs.unit.updated": _("修改单位"),
    "orgs.alias.added": _("添加别名"),
    "orgs.alias.removed": _("删除别名"),
    "orgs.unit.alias_added": _("添加别名"),
    "orgs.unit.alias_removed": _("删除别名"),
    "orgs.group.created": _("新建单位组"),
    "orgs.group.updated": _("修改单位组"),
}


def action_label(code: str) -> str:
    """The Chinese label of ``code``, or ``code`` itself when it has none."""
    return str(ACTION_LABELS.get(code, code))

# Common keys of ``details``; others are shown as stored.
DETAIL_LABELS = {
    "reason": _("原因"),
    "comment": _("意见"),
    "name": _("名称"),
    "alias": _("别名"),
    "changes": _("变更"),
    "from": _("原状态"),
    "to": _("新状态"),
    "late": _("逾期"),
    "url": _("链接"),
    "title": _("标题"),
    "count": _("数量"),
    "year": _("年度"),
    "source": _("来源"),
    "fields": _("字段"),
    "short_name": _("简称"),
    "category": _("类别"),
    "categories": _("按类别包含"),
    "is_active": _("在用"),
    "sort_order": _("排序"),
    "added": _("新增成员"),
    "removed": _("移出成员"),
    "description": _("说明"),
}


def detail_label(key: str) -> str:
    return str(DETAIL_LABELS.get(key, key))
