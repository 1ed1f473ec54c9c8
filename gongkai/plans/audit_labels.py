from django.utils.translation import gettext_lazy as _

from gongkai.plans.events import PlansEvent

ACTION_LABELS = {
    PlansEvent.PLAN_IMPORTED: _("导入分工方案"),
    PlansEvent.PLAN_ASSIGNED: _("分派任务"),
    PlansEvent.PLAN_FOLLOW_UPS_CREATED: _("建立回头看事项"),
    PlansEvent.FOLLOW_UP_CREATED: _("建立回头看事项"),
    PlansEvent.ASSIGNMENT_BREAKDOWN_UPDATED: _("更新任务分解"),
    PlansEvent.BREAKDOWNS_IMPORTED: _("Excel批量填报任务分解"),
    PlansEvent.REPORT_DRAFT_SAVED: _("保存草稿"),
    PlansEvent.REPORT_SUBMITTED: _("报送"),
    PlansEvent.REPORT_RETURNED: _("退回整改"),
    PlansEvent.REPORT_RESUBMITTED: _("整改后重新报送"),
    PlansEvent.REPORT_PASSED: _("审核通过"),
    PlansEvent.EVIDENCE_ADDED: _("添加佐证材料"),
    PlansEvent.EVIDENCE_REMOVED: _("删除佐证材料"),
    PlansEvent.EVIDENCE_CHECKED: _("网上核查"),
    PlansEvent.NOTICE_GENERATED: _("生成通报"),
    PlansEvent.SCORING_RULE_UPDATED: _("修改评分规则"),
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
