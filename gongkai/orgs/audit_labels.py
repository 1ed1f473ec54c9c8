from django.utils.translation import gettext_lazy as _

from gongkai.orgs.events import OrgsEvent

ACTION_LABELS = {
    OrgsEvent.UNIT_CREATED: _("新建单位"),
    OrgsEvent.USER_CREATED: _("新建用户"),
    OrgsEvent.UNIT_UPDATED: _("修改单位"),
    OrgsEvent.UNIT_ALIAS_ADDED: _("添加别名"),
    OrgsEvent.UNIT_ALIAS_REMOVED: _("删除别名"),
    OrgsEvent.GROUP_CREATED: _("新建单位组"),
    OrgsEvent.GROUP_UPDATED: _("修改单位组"),
}
