from django.utils.translation import gettext_lazy as _

from gongkai.publishing.events import PublishingEvent

ACTION_LABELS = {
    PublishingEvent.CONTENT_SCANNED: _("敏感信息检查"),
    PublishingEvent.SUBMITTED: _("提交审核"),
    PublishingEvent.RESUBMITTED: _("修改后重新提交审核"),
    PublishingEvent.CONTENT_LEVEL_PASSED: _("本级审核通过"),
    PublishingEvent.RETURNED: _("审核退回"),
    PublishingEvent.PUBLISHED: _("发布"),
    PublishingEvent.WITHDRAWN: _("撤回"),
    PublishingEvent.IMPORTED_PUBLISHED: _("批量导入（原网站已审核发布）"),
    PublishingEvent.REVIEW_OPENED: _("开启审核"),
    PublishingEvent.LEVEL_PASSED: _("本级审核通过"),
    PublishingEvent.REVIEW_PASSED: _("审核通过"),
    PublishingEvent.REVIEW_RETURNED: _("审核退回"),
    PublishingEvent.FINDING_MASKED: _("遮盖敏感信息"),
    PublishingEvent.FINDING_REMOVED: _("删除敏感信息"),
    PublishingEvent.FINDING_ACCEPTED: _("确认可公开"),
    PublishingEvent.ROUTE_UPDATED: _("修改审核流程"),
    PublishingEvent.CATALOG_ITEM_CREATED: _("新建目录事项"),
    PublishingEvent.CATALOG_ITEM_UPDATED: _("修改目录事项"),
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
