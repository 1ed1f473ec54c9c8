from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "policies.document.created": _("新建文件"),
    "policies.document.updated": _("修改文件"),
    "policies.document.amended": _("标记为已修改"),
    "policies.document.repealed": _("标记为已废止"),
    "policies.document.masked": _("遮盖敏感信息"),
    "policies.document.attachments_added": _("添加附件"),
    "policies.document.attachment_removed": _("删除附件"),
    "policies.document.imported": _("批量导入"),
    "policies.document.imported_published": _("批量导入（原网站已审核发布）"),
    "policies.gazette.created": _("新建公报"),
    "policies.gazette.updated": _("修改公报"),
    "policies.gazette.document_added": _("公报收录文件"),
    "policies.gazette.document_removed": _("公报移出文件"),
    "policies.enterprise.created": _("新增公共企事业单位"),
    "policies.enterprise.updated": _("修改公共企事业单位"),
    "policies.enterprise.deleted": _("删除公共企事业单位"),
    "policies.decision_counts.set": _("填报处理决定与收费数"),
}
DETAIL_LABELS = {
    "by": _("依据文件"),
    "doc_number": _("文号"),
    "validity": _("效力状态"),
}
DETAIL_LABELS.update({
    "by_title": _("依据文件"),
    "before": _("修改前"),
    "after": _("修改后"),
})
# Row numbers shown beside the title they stand for.
HIDDEN_DETAILS = {"policies.policydocument:by", "policies.gazetteissue:document"}
