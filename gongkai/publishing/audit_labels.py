from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "publishing.content.scanned": _("敏感信息检查"),
    "publishing.content.submitted": _("提交审核"),
    "publishing.content.resubmitted": _("修改后重新提交审核"),
    "publishing.content.level_passed": _("本级审核通过"),
    "publishing.content.returned": _("审核退回"),
    "publishing.content.published": _("发布"),
    "publishing.content.withdrawn": _("撤回"),
    "publishing.content.imported_published": _("批量导入（原网站已审核发布）"),
    "publishing.review.opened": _("开启审核"),
    "publishing.review.level_passed": _("本级审核通过"),
    "publishing.review.passed": _("审核通过"),
    "publishing.review.returned": _("审核退回"),
    "publishing.finding.masked": _("遮盖敏感信息"),
    "publishing.finding.removed": _("删除敏感信息"),
    "publishing.finding.accepted": _("确认可公开"),
    "publishing.route.updated": _("修改审核流程"),
    "publishing.catalog_item.created": _("新建目录事项"),
    "publishing.catalog_item.updated": _("修改目录事项"),
}
DETAIL_LABELS = {
    "level": _("审核级别"),
    "levels": _("审核级数"),
    "findings": _("敏感信息"),
    "reviewers": _("审核人"),
}

# Counts recorded by the sensitive-information scan and the review rounds.
DETAIL_LABELS.update({
    "open": _("待处理的扫描提示"),
    "accepted": _("确认可公开的扫描提示"),
    "open_findings": _("待处理的扫描提示"),
})
# The review round's number: the history is already the review's own.
HIDDEN_DETAILS = {"review"}
