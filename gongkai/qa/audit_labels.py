from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "qa.entry.created": _("新建问答"),
    "qa.entry.updated": _("修改问答"),
    "qa.entries.imported": _("批量导入问答"),
    "qa.pending.answered": _("待答问题已答复"),
    "qa.pending.dismissed": _("待答问题不予答复"),
    "qa.pending.reopened": _("待答问题重新打开"),
    "qa.pending.assigned": _("待答问题交由单位答复"),
    "qa.synonym.set": _("设置同义词"),
    "qa.synonym.removed": _("删除同义词"),
    "qa.entry.phrasing_added": _("添加问法"),
    "qa.settings.thresholds_set": _("调整答复阈值"),
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
