from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Role

# (url name, label, roles that see it). Pages appear in the bar once their view exists.
_NAV = [
    ("plans:todo", _("我的任务"), {Role.UNIT_STAFF, Role.REVIEWER}),
    ("plans:ledger", _("工作台账"), {Role.UNIT_STAFF, Role.OFFICE_ADMIN, Role.SUPERVISOR}),
    ("plans:matrix", _("推进矩阵"), {Role.OFFICE_ADMIN}),
    ("plans:progress", _("推进情况"), {Role.SUPERVISOR}),
    ("plans:review_queue", _("审核报送"), {Role.OFFICE_ADMIN}),
    ("plans:dead_links", _("失效链接"), {Role.UNIT_STAFF, Role.OFFICE_ADMIN}),
    ("plans:scores", _("考核评分"), {Role.OFFICE_ADMIN, Role.SUPERVISOR}),
    ("plans:notice_list", _("通报"), {Role.OFFICE_ADMIN, Role.UNIT_STAFF, Role.SUPERVISOR}),
    ("plans:import", _("导入方案"), {Role.OFFICE_ADMIN}),
    ("foi:staff_list", _("依申请公开"), {Role.UNIT_STAFF, Role.OFFICE_ADMIN}),
    ("foi:office_overview", _("申请办理总览"), {Role.OFFICE_ADMIN}),
    ("foi:stats", _("年报统计"), {Role.OFFICE_ADMIN, Role.UNIT_STAFF}),
    ("policies:staff_list", _("政策文件"), {Role.UNIT_STAFF, Role.OFFICE_ADMIN}),
    ("publishing:review_desk", _("发布审核"), {Role.REVIEWER, Role.OFFICE_ADMIN}),
    ("publishing:catalog", _("主动公开目录"), {Role.UNIT_STAFF, Role.OFFICE_ADMIN}),
    ("participation:staff_consultations", _("征求意见"), {Role.UNIT_STAFF, Role.OFFICE_ADMIN}),
    ("participation:staff_meetings", _("决策会议"), {Role.UNIT_STAFF, Role.OFFICE_ADMIN}),
    ("participation:staff_messages", _("领导留言"), {Role.UNIT_STAFF, Role.OFFICE_ADMIN}),
    ("qa:staff_entries", _("政策问答库"), {Role.UNIT_STAFF, Role.OFFICE_ADMIN}),
    ("orgs:unit_list", _("单位名录"), {Role.OFFICE_ADMIN}),
]


def navigation(request):
    """The navigation bar of the signed-in user, by role."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    role = Role.OFFICE_ADMIN if user.is_office_admin else user.role
    items = []
    for name, label, roles in _NAV:
        if role not in roles:
            continue
        try:
            items.append({"url": reverse(name), "label": label})
        except NoReverseMatch:
            continue
    return {"nav_items": items}
