from django.utils.translation import gettext_lazy as _

from gongkai.workdays.events import WorkdaysEvent

ACTION_LABELS = {
    WorkdaysEvent.YEAR_LOADED: _("载入年度节假日安排"),
    WorkdaysEvent.DAY_CHANGED: _("调整节假日或调休"),
    WorkdaysEvent.DAY_CLEARED: _("恢复按周末计算"),
}
DETAIL_LABELS = {
    "holidays": _("放假日"),
    "workdays": _("调休上班日"),
    "date": _("日期"),
    "is_workday": _("上班"),
}
