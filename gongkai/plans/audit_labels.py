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
