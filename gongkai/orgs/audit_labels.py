from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "orgs.unit.created": _("新建单位"),
    "orgs.user.created": _("新建用户"),
    "orgs.unit.updated": _("修改单位"),
    "orgs.unit.recategorised": _("修改单位类别"),
    "orgs.alias.added": _("添加别名"),
    "orgs.alias.removed": _("删除别名"),
    "orgs.unit.alias_added": _("添加别名"),
    "orgs.unit.alias_removed": _("删除别名"),
    "orgs.group.created": _("新建单位组"),
    "orgs.group.updated": _("修改单位组"),
}
