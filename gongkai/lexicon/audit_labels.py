from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "lexicon.group.created": _("新增同义词组"),
    "lexicon.group.updated": _("修改同义词组"),
    "lexicon.group.deleted": _("删除同义词组"),
    "lexicon.variant.added": _("添加同义说法"),
}
DETAIL_LABELS = {
    "canonical": _("规范说法"),
    "variants": _("其他说法"),
    "variant": _("新增说法"),
    "kind": _("类型"),
}
