from django.utils.translation import gettext_lazy as _

from gongkai.qa.events import QaEvent

ACTION_LABELS = {
    QaEvent.ENTRY_CREATED: _("新建问答"),
    QaEvent.ENTRY_UPDATED: _("修改问答"),
    QaEvent.ENTRIES_IMPORTED: _("批量导入问答"),
    QaEvent.PENDING_ANSWERED: _("待答问题已答复"),
    QaEvent.PENDING_DISMISSED: _("待答问题不予答复"),
    QaEvent.PENDING_REOPENED: _("待答问题重新打开"),
    QaEvent.PENDING_ASSIGNED: _("待答问题交由单位答复"),
    QaEvent.SYNONYM_SET: _("设置同义词"),
    QaEvent.SYNONYM_REMOVED: _("删除同义词"),
    QaEvent.ENTRY_PHRASING_ADDED: _("添加问法"),
    QaEvent.SETTINGS_THRESHOLDS_SET: _("调整答复阈值"),
}
DETAIL_LABELS = {
    "question": _("问题"),
    "pending": _("待答问题"),
    "entry": _("问答"),
    "term": _("口语说法"),
    "canonical": _("规范说法"),
    "created": _("新增"),
    "phrasing": _("问法"),
}
