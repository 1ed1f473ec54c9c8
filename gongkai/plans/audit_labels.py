from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "plans.plan.imported": _("导入分工方案"),
    "plans.plan.assigned": _("分派任务"),
    "plans.plan.follow_ups_created": _("建立回头看事项"),
    "plans.follow_up.created": _("建立回头看事项"),
    "plans.assignment.breakdown_updated": _("更新任务分解"),
    "plans.breakdowns.imported": _("Excel批量填报任务分解"),
    "plans.report.draft_saved": _("保存草稿"),
    "plans.report.submitted": _("报送"),
    "plans.report.returned": _("退回整改"),
    "plans.report.resubmitted": _("整改后重新报送"),
    "plans.report.passed": _("审核通过"),
    "plans.evidence.added": _("添加佐证材料"),
    "plans.evidence.removed": _("删除佐证材料"),
    "plans.evidence.checked": _("网上核查"),
    "plans.notice.generated": _("生成通报"),
    "plans.scoring_rule.updated": _("修改评分规则"),
}
DETAIL_LABELS = {
    "evidence": _("佐证材料"),
    "kind": _("类型"),
    "state": _("推进状态"),
    "status": _("状态"),
    "dead": _("失效"),
    "error": _("错误"),
    "praised": _("表扬单位"),
    "criticised": _("批评单位"),
}
DETAIL_LABELS.update({
    "created": _("新增"),
    "updated": _("更新"),
    "kept": _("保留"),
    "rows": _("行数"),
    "created_units": _("新建单位"),
    "plans.plan:removed": _("删除"),
    "plans.plan:created": _("新增任务"),
    "plans.plan:updated": _("更新任务"),
    "plans.plan:kept": _("保留任务"),
})
DETAIL_CHOICES = {
    "plans.assignment:source": {"form": _("页面填写"), "xlsx": _("Excel批量填报")},
}
# The evidence's row number: its name and title are shown beside it.
HIDDEN_DETAILS = {"plans.report:evidence"}
