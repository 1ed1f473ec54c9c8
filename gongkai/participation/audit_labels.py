from django.utils.translation import gettext_lazy as _

from gongkai.participation.events import ParticipationEvent

ACTION_LABELS = {
    ParticipationEvent.MESSAGE_RECEIVED: _("收到留言"),
    ParticipationEvent.MESSAGE_ASSIGNED: _("交办"),
    ParticipationEvent.MESSAGE_TRANSFERRED: _("转办"),
    ParticipationEvent.MESSAGE_RETURNED_TO_OFFICE: _("退回重新分办"),
    ParticipationEvent.MESSAGE_REJECTED: _("不予受理"),
    ParticipationEvent.MESSAGE_REPLY_DRAFTED: _("拟写答复"),
    ParticipationEvent.MESSAGE_REPLY_CHANGED: _("修改答复"),
    ParticipationEvent.MESSAGE_REPLY_SUBMITTED: _("答复提交审核"),
    ParticipationEvent.MESSAGE_REPLY_RETURNED: _("答复被退回修改"),
    ParticipationEvent.MESSAGE_PUBLISHED: _("答复审核通过并公开"),
    ParticipationEvent.MESSAGE_CLOSED_PRIVATE: _("答复审核通过（不公开）"),
    ParticipationEvent.MESSAGE_DUE_RECOMPUTED: _("节假日调整，重新计算答复期限"),
    ParticipationEvent.POLICY_RESPONSE_CREATED: _("新建政策回应"),
    ParticipationEvent.POLICY_RESPONSE_CHANGED: _("修改政策回应"),
    ParticipationEvent.CONSULTATION_CREATED: _("新建征求意见"),
    ParticipationEvent.CONSULTATION_UPDATED: _("修改征求意见"),
    ParticipationEvent.CONSULTATION_ARTICLES_SPLIT: _("拆分条款"),
    ParticipationEvent.CONSULTATION_ARTICLE_EDITED: _("修改条款"),
    ParticipationEvent.CONSULTATION_ATTACHMENT_ADDED: _("添加材料"),
    ParticipationEvent.CONSULTATION_ATTACHMENT_REMOVED: _("删除材料"),
    ParticipationEvent.CONSULTATION_COMMENTS_REGROUPED: _("重新归并相似意见"),
    ParticipationEvent.COMMENT_RECEIVED: _("收到意见"),
    ParticipationEvent.COMMENT_DECIDED: _("处理意见"),
    ParticipationEvent.COMMENT_REVISED: _("修改处理意见"),
    ParticipationEvent.FEEDBACK_GENERATED: _("生成意见采纳情况反馈"),
    ParticipationEvent.FEEDBACK_REGENERATED: _("重新生成意见采纳情况反馈"),
    ParticipationEvent.MEETING_CREATED: _("登记决策会议"),
    ParticipationEvent.MEETING_UPDATED: _("修改决策会议"),
    ParticipationEvent.MEETING_ANNOUNCED: _("发布列席代表报名公告"),
    ParticipationEvent.MEETING_HELD: _("会议已召开"),
    ParticipationEvent.MEETING_CANCELLED: _("取消会议"),
    ParticipationEvent.MEETING_REPRESENTATIVE_ADDED: _("添加列席代表"),
    ParticipationEvent.MEETING_REPRESENTATIVE_REMOVED: _("移除列席代表"),
    ParticipationEvent.SIGNUP_RECEIVED: _("收到报名"),
    ParticipationEvent.SIGNUP_SELECTED: _("遴选为列席代表"),
    ParticipationEvent.SIGNUP_NOT_SELECTED: _("未入选"),
}

DETAIL_LABELS = {
    "period_days": _("征求意见天数"),
    "total": _("意见总数"),
    "adopted": _("采纳"),
    "partly": _("部分采纳"),
    "not_adopted": _("不予采纳"),
    "not_applicable": _("不适用"),
    "representatives": _("代表人数"),
    "chars": _("答复字数"),
    "from_unit": _("原办理单位"),
    "to_unit": _("新办理单位"),
    "participation.meeting:name": _("代表姓名"),
    "meeting": _("会议"),
    "consultation": _("征求意见"),
}
# A representative's kind and selection, recorded on the meeting's history.
DETAIL_FIELDS = {
    "participation.meeting:kind": "participation.Representative.kind",
    "participation.meeting:selection": "participation.Representative.selection",
}
