from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Role

OFFICE, STAFF, REVIEWER, SUPERVISOR = (Role.OFFICE_ADMIN, Role.UNIT_STAFF, Role.REVIEWER,
                                       Role.SUPERVISOR)

# Menus of the navigation bar: (label, [(url name, label, roles that see it)]). A page
# appears once its view exists; a menu with nothing the user may open is left out.
_MENUS = [
    (_("分工方案"), [
        ("plans:todo", _("我的任务"), {STAFF, REVIEWER}),
        ("plans:ledger", _("工作台账"), {STAFF, OFFICE, SUPERVISOR}),
        ("plans:matrix", _("推进矩阵"), {OFFICE}),
        ("plans:progress", _("推进情况"), {OFFICE, SUPERVISOR}),
        ("plans:review_queue", _("审核报送"), {OFFICE}),
        ("plans:dead_links", _("失效链接"), {STAFF, OFFICE}),
        ("plans:scores", _("考核评分"), {OFFICE, SUPERVISOR}),
        ("plans:notice_list", _("通报"), {OFFICE, STAFF, SUPERVISOR}),
        ("plans:import", _("导入方案"), {OFFICE}),
    ]),
    (_("依申请公开"), [
        ("foi:staff_list", _("申请办理"), {STAFF, OFFICE}),
        ("foi:office_overview", _("办理总览"), {OFFICE}),
        ("foi:stats", _("年报统计"), {OFFICE, STAFF}),
    ]),
    (_("政策发布"), [
        ("policies:staff_list", _("政策文件"), {STAFF, OFFICE}),
        ("publishing:review_desk", _("发布审核"), {REVIEWER, OFFICE}),
        ("publishing:catalog", _("主动公开目录"), {STAFF, OFFICE}),
        ("policies:stats", _("文件统计"), {STAFF, OFFICE}),
    ]),
    (_("公众参与"), [
        ("participation:staff_consultations", _("征求意见"), {STAFF, OFFICE}),
        ("participation:staff_meetings", _("决策会议"), {STAFF, OFFICE}),
        ("participation:staff_messages", _("领导留言"), {STAFF, OFFICE}),
        ("qa:staff_entries", _("政策问答库"), {STAFF, OFFICE}),
    ]),
    (_("网站与新媒体"), [
        ("websites:register", _("网站和账号登记"), {STAFF, OFFICE, SUPERVISOR}),
        ("websites:spot_list", _("季度抽查"), {OFFICE, SUPERVISOR}),
        ("websites:rectifications", _("整改通知"), {STAFF, OFFICE}),
        ("websites:rules", _("检查规则"), {OFFICE}),
    ]),
    (_("统计考核"), [
        ("reports:links", _("任务指标"), {OFFICE}),
        ("reports:record_list", _("会议培训记录"), {STAFF, OFFICE, SUPERVISOR}),
        ("reports:assessment", _("年度考核"), {OFFICE, SUPERVISOR}),
        ("reports:annual_list", _("年度报告"), {STAFF, OFFICE, SUPERVISOR}),
    ]),
    (_("系统"), [
        ("orgs:unit_list", _("单位名录"), {OFFICE}),
        ("workdays:calendar", _("工作日历"), {OFFICE, STAFF}),
        ("admin:index", _("后台管理"), {OFFICE}),
    ]),
]


def _link(name: str, label) -> dict | None:
    try:
        return {"url": reverse(name), "label": label}
    except NoReverseMatch:
        return None


def navigation(request):
    """The navigation menus of the signed-in user, by role."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_menus": [], "nav_items": []}
    role = Role.OFFICE_ADMIN if user.is_office_admin else user.role
    menus = []
    for label, entries in _MENUS:
        links = [_link(name, text) for name, text, roles in entries if role in roles]
        links = [link for link in links if link]
        if links:
            menus.append({"label": label, "items": links})
    return {"nav_menus": menus, "nav_items": [i for m in menus for i in m["items"]]}
