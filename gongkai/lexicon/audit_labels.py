from django.utils.translation import gettext_lazy as _

from gongkai.lexicon.events import LexiconEvent

ACTION_LABELS = {
    LexiconEvent.GROUP_CREATED: _("新增同义词组"),
    LexiconEvent.GROUP_UPDATED: _("修改同义词组"),
    LexiconEvent.GROUP_DELETED: _("删除同义词组"),
    LexiconEvent.VARIANT_ADDED: _("添加同义说法"),
}
DETAIL_LABELS = {
    "canonical": _("规范说法"),
    "variants": _("其他说法"),
    "variant": _("新增说法"),
    "kind": _("类型"),
    "scope": _("适用范围"),
}
