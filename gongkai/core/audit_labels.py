"""Readable Chinese labels for audit action codes, for history tables.

Each app names its own actions in its ``audit_labels.py``; a code with no label
is shown as is, so a new action is never hidden from the history.
"""
from functools import lru_cache
from importlib import import_module

from django.apps import apps
from django.utils.translation import gettext_lazy as _


@lru_cache(maxsize=1)
def _labels() -> tuple[dict, dict]:
    """Every installed app may keep ``audit_labels.py`` with ``ACTION_LABELS`` and
    ``DETAIL_LABELS``: each module names its own actions, and they are merged here."""
    actions, details = {}, dict(DETAIL_LABELS)
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.audit_labels")
        except ModuleNotFoundError:
            continue
        actions.update(getattr(module, "ACTION_LABELS", {}))
        if module.__name__ != __name__:
            details.update(getattr(module, "DETAIL_LABELS", {}))
    return actions, details


def action_label(code: str) -> str:
    """The Chinese label of ``code``, or ``code`` itself when it has none."""
    label = _labels()[0].get(code)
    if label is None and code.startswith("admin."):  # mirrored from the Django admin
        verb = ADMIN_VERBS.get(code.rsplit(".", 1)[-1])
        return str(verb) if verb else code
    return str(label or code)


# Changes made in Django's admin: admin.<app>.<model>.<verb> (gongkai.core.audit).
ADMIN_VERBS = {"added": _("后台新增"), "changed": _("后台修改"), "deleted": _("后台删除")}

# Common keys of ``details``; others are shown as stored.
DETAIL_LABELS = {
    "reason": _("原因"),
    "comment": _("意见"),
    "name": _("名称"),
    "alias": _("别名"),
    "changes": _("变更"),
    "from": _("原状态"),
    "to": _("新状态"),
    "late": _("逾期"),
    "url": _("链接"),
    "title": _("标题"),
    "count": _("数量"),
    "year": _("年度"),
    "source": _("来源"),
    "fields": _("字段"),
    "short_name": _("简称"),
    "category": _("类别"),
    "categories": _("按类别包含"),
    "is_active": _("在用"),
    "sort_order": _("排序"),
    "added": _("新增成员"),
    "removed": _("移出成员"),
    "description": _("说明"),
    "object": _("对象"),
    "change": _("变更"),
}


def detail_label(key: str) -> str:
    return str(_labels()[1].get(key, key))
