from django.utils.translation import gettext_lazy as _

from gongkai.policies.events import PoliciesEvent

ACTION_LABELS = {
    PoliciesEvent.DOCUMENT_CREATED: _("新建文件"),
    PoliciesEvent.DOCUMENT_UPDATED: _("修改文件"),
    PoliciesEvent.DOCUMENT_AMENDED: _("标记为已修改"),
    PoliciesEvent.DOCUMENT_REPEALED: _("标记为已废止"),
    PoliciesEvent.DOCUMENT_MASKED: _("遮盖敏感信息"),
    PoliciesEvent.DOCUMENT_ATTACHMENTS_ADDED: _("添加附件"),
    PoliciesEvent.DOCUMENT_ATTACHMENT_REMOVED: _("删除附件"),
    PoliciesEvent.DOCUMENT_IMPORTED: _("批量导入"),
    PoliciesEvent.DOCUMENT_IMPORTED_PUBLISHED: _("批量导入（原网站已审核发布）"),
    PoliciesEvent.GAZETTE_CREATED: _("新建公报"),
    PoliciesEvent.GAZETTE_UPDATED: _("修改公报"),
    PoliciesEvent.GAZETTE_DOCUMENT_ADDED: _("公报收录文件"),
    PoliciesEvent.GAZETTE_DOCUMENT_REMOVED: _("公报移出文件"),
    PoliciesEvent.ENTERPRISE_CREATED: _("新增公共企事业单位"),
    PoliciesEvent.ENTERPRISE_UPDATED: _("修改公共企事业单位"),
    PoliciesEvent.ENTERPRISE_DELETED: _("删除公共企事业单位"),
    PoliciesEvent.DECISION_COUNTS_SET: _("填报处理决定与收费数"),
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
