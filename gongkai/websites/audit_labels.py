"""Readable labels of the websites module's audit actions."""
from django.utils.translation import gettext_lazy as _

from gongkai.websites.events import WebsitesEvent

ACTION_LABELS = {
    WebsitesEvent.WEBSITE_REGISTERED: _("登记网站"),
    WebsitesEvent.WEBSITE_UPDATED: _("修改网站登记信息"),
    WebsitesEvent.WEBSITE_APPROVED: _("批准开办"),
    WebsitesEvent.WEBSITE_REJECTED: _("不予批准开办"),
    WebsitesEvent.WEBSITE_MIGRATION_STARTED: _("开始整合迁移"),
    WebsitesEvent.WEBSITE_MIGRATION_FINISHED: _("完成整合迁移"),
    WebsitesEvent.WEBSITE_CLOSE_REQUESTED: _("申请关停"),
    WebsitesEvent.WEBSITE_CLOSED: _("批准关停"),
    WebsitesEvent.WEBSITE_CLOSE_REFUSED: _("不同意关停"),
    WebsitesEvent.WEBSITE_CHECKED: _("自动检查"),
    WebsitesEvent.COLUMN_SAVED: _("标记检查栏目"),
    WebsitesEvent.ACCOUNT_FILED: _("报备新媒体账号"),
    WebsitesEvent.ACCOUNT_UPDATED: _("修改账号登记信息"),
    WebsitesEvent.ACCOUNT_OWNER_CHANGED: _("变更认证主体（须公告）"),
    WebsitesEvent.ACCOUNT_FILING_ACCEPTED: _("确认开设报备"),
    WebsitesEvent.ACCOUNT_FILING_REFUSED: _("退回开设报备"),
    WebsitesEvent.ACCOUNT_END_FILED: _("报备关停/整合/注销"),
    WebsitesEvent.ACCOUNT_MERGED: _("确认整合"),
    WebsitesEvent.ACCOUNT_CLOSED: _("确认关停"),
    WebsitesEvent.ACCOUNT_DEREGISTERED: _("确认注销"),
    WebsitesEvent.ACCOUNT_END_REFUSED: _("退回关停报备"),
    WebsitesEvent.ACCOUNT_CHECKED: _("新媒体抽查"),
    WebsitesEvent.SPOT_CHECK_SAMPLED: _("抽样"),
    WebsitesEvent.SPOT_CHECK_NOTIFIED: _("下发整改通知"),
    WebsitesEvent.SPOT_CHECK_CLOSED: _("结束抽查并通报"),
    WebsitesEvent.FINDING_CONFIRMED: _("确认问题"),
    WebsitesEvent.FINDING_DISMISSED: _("不采纳"),
    WebsitesEvent.FINDING_RECORDED: _("记录人工检查发现"),
    WebsitesEvent.RECTIFICATION_ISSUED: _("下发整改通知"),
    WebsitesEvent.RECTIFICATION_ANSWERED: _("反馈整改情况"),
    WebsitesEvent.RECTIFICATION_VERIFIED: _("确认整改到位"),
    WebsitesEvent.RECTIFICATION_RETURNED: _("退回重改"),
    WebsitesEvent.RULES_CHANGED: _("修改检查规则"),
}
DETAIL_LABELS = {"seed": _("抽样种子"), "population": _("总数"), "sample": _("样本数"),
                 "deadline": _("整改期限"), "findings": _("问题数"), "problems": _("问题"),
                 "trigger": _("触发"), "run": _("检查批次"), "end": _("变更")}
