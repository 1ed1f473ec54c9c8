from django.utils.translation import gettext_lazy as _

from gongkai.reports.events import ReportsEvent

ACTION_LABELS = {
    ReportsEvent.LINK_CREATED: _("关联任务指标"),
    ReportsEvent.LINK_SAVED: _("修改任务指标目标"),
    ReportsEvent.LINK_DELETED: _("取消任务指标关联"),
    ReportsEvent.FIGURES_FROZEN: _("冻结测量值"),
    ReportsEvent.RECORD_CREATED: _("登记会议培训记录"),
    ReportsEvent.SCHEME_CREATED: _("建立考核方案"),
    ReportsEvent.SCHEME_ITEM_SAVED: _("保存考核项目"),
    ReportsEvent.SCHEME_ITEM_DELETED: _("删除考核项目"),
    ReportsEvent.ADJUSTMENT_MANUAL: _("人工调整分数"),
    ReportsEvent.ADJUSTMENT_CORRECTION: _("更正分数"),
    ReportsEvent.NOTICE_DRAFTED: _("起草考核通报"),
    ReportsEvent.NOTICE_EDITED: _("修改考核通报"),
    ReportsEvent.NOTICE_SUBMITTED: _("报主要负责同志审定"),
    ReportsEvent.NOTICE_RETURNED: _("审定退回修改"),
    ReportsEvent.NOTICE_APPROVED: _("审定同意"),
    ReportsEvent.NOTICE_ISSUED: _("印发考核通报"),
    ReportsEvent.ANNUAL_GENERATED: _("生成年度报告"),
    ReportsEvent.ANNUAL_REFRESHED: _("按12月31日数据更新年度报告"),
    ReportsEvent.ANNUAL_EDITED: _("修改年度报告"),
}
DETAIL_LABELS = {
    "indicator": _("指标"),
    "district_target": _("全区目标"),
    "unit_target": _("各单位目标"),
    "approver": _("审定人"),
    "checks_ok": _("勾稽检查通过"),
    "sections": _("修改的部分"),
}
