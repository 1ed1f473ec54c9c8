from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "reports.link.created": _("关联任务指标"),
    "reports.link.saved": _("修改任务指标目标"),
    "reports.link.deleted": _("取消任务指标关联"),
    "reports.figures.frozen": _("冻结测量值"),
    "reports.record.created": _("登记会议培训记录"),
    "reports.scheme.created": _("建立考核方案"),
    "reports.scheme.item_saved": _("保存考核项目"),
    "reports.scheme.item_deleted": _("删除考核项目"),
    "reports.adjustment.manual": _("人工调整分数"),
    "reports.adjustment.correction": _("更正分数"),
    "reports.notice.drafted": _("起草考核通报"),
    "reports.notice.edited": _("修改考核通报"),
    "reports.notice.submitted": _("报主要负责同志审定"),
    "reports.notice.returned": _("审定退回修改"),
    "reports.notice.approved": _("审定同意"),
    "reports.notice.issued": _("印发考核通报"),
    "reports.annual.generated": _("生成年度报告"),
    "reports.annual.refreshed": _("按12月31日数据更新年度报告"),
    "reports.annual.edited": _("修改年度报告"),
}
DETAIL_LABELS = {
    "indicator": _("指标"),
    "district_target": _("全区目标"),
    "unit_target": _("各单位目标"),
    "approver": _("审定人"),
    "checks_ok": _("勾稽检查通过"),
    "sections": _("修改的部分"),
}
