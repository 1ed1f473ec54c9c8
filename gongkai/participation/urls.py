"""Every route of the participation app, in the order Django tries them."""
from django.urls import path

from gongkai.participation.views import (
    consultations,
    consultations_staff,
    meetings,
    meetings_staff,
    messages,
    messages_staff,
)

app_name = "participation"
urlpatterns = [
    # consultations.py
    path("consultations/", consultations.consultation_list, name="consultations"),
    path("consultations/<int:pk>/", consultations.consultation_detail, name="consultation"),
    path("consultations/<int:pk>/comment/", consultations.consultation_comment,
         name="consultation_comment"),
    path("consultations/<int:pk>/feedback/", consultations.feedback, name="consultation_feedback"),
    path("consultations/<int:pk>/feedback.docx", consultations.feedback_docx,
         name="consultation_feedback_docx"),
    path("consultations/attachments/<int:pk>/", consultations.attachment,
         name="consultation_attachment"),

    # consultations_staff.py
    path("staff/consultations/", consultations_staff.staff_list, name="staff_consultations"),
    path("staff/consultations/new/", consultations_staff.staff_create,
         name="staff_consultation_create"),
    path("staff/consultations/<int:pk>/", consultations_staff.staff_detail,
         name="staff_consultation"),
    path("staff/consultations/<int:pk>/edit/", consultations_staff.staff_edit,
         name="staff_consultation_edit"),
    path("staff/consultations/<int:pk>/split/", consultations_staff.staff_split,
         name="staff_consultation_split"),
    path("staff/consultations/articles/<int:pk>/", consultations_staff.staff_article_edit,
         name="staff_article_edit"),
    path("staff/consultations/<int:pk>/attachments/", consultations_staff.staff_attachment_add,
         name="staff_attachment_add"),
    path("staff/consultations/attachments/<int:pk>/remove/",
         consultations_staff.staff_attachment_remove, name="staff_attachment_remove"),
    path("staff/consultations/<int:pk>/submit/", consultations_staff.staff_submit,
         name="staff_consultation_submit"),
    path("staff/consultations/<int:pk>/comments/", consultations_staff.staff_comments,
         name="staff_consultation_comments"),
    path("staff/consultations/comments/<int:pk>/decide/", consultations_staff.staff_comment_decide,
         name="staff_comment_decide"),
    path("staff/consultations/groups/<int:pk>/decide/", consultations_staff.staff_group_decide,
         name="staff_group_decide"),
    path("staff/consultations/<int:pk>/regroup/", consultations_staff.staff_regroup,
         name="staff_comments_regroup"),
    path("staff/consultations/<int:pk>/feedback/", consultations_staff.staff_feedback,
         name="staff_feedback"),
    path("staff/consultations/<int:pk>/feedback/submit/",
         consultations_staff.staff_feedback_submit, name="staff_feedback_submit"),
    path("staff/consultations/<int:pk>/feedback.docx", consultations_staff.staff_feedback_docx,
         name="staff_feedback_docx"),

    # meetings.py
    path("meetings/", meetings.meeting_list, name="meetings"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/signup/", meetings.meeting_signup, name="meeting_signup"),

    # meetings_staff.py
    path("staff/meetings/", meetings_staff.staff_list, name="staff_meetings"),
    path("staff/meetings/new/", meetings_staff.staff_create, name="staff_meeting_create"),
    path("staff/meetings/targets/", meetings_staff.staff_targets, name="staff_meeting_targets"),
    path("staff/meetings/<int:pk>/", meetings_staff.staff_detail, name="staff_meeting"),
    path("staff/meetings/<int:pk>/edit/", meetings_staff.staff_edit, name="staff_meeting_edit"),
    path("staff/meetings/<int:pk>/announce/", meetings_staff.staff_announce,
         name="staff_meeting_announce"),
    path("staff/meetings/<int:pk>/held/", meetings_staff.staff_held, name="staff_meeting_held"),
    path("staff/meetings/<int:pk>/cancel/", meetings_staff.staff_cancel,
         name="staff_meeting_cancel"),
    path("staff/meetings/<int:pk>/representatives/", meetings_staff.staff_representative_add,
         name="staff_representative_add"),
    path("staff/meetings/representatives/<int:pk>/remove/",
         meetings_staff.staff_representative_remove, name="staff_representative_remove"),
    path("staff/meetings/signups/<int:pk>/select/", meetings_staff.staff_signup_decide,
         {"choice": "select"}, name="staff_signup_select"),
    path("staff/meetings/signups/<int:pk>/reject/", meetings_staff.staff_signup_decide,
         {"choice": "reject"}, name="staff_signup_reject"),

    # messages.py
    path("messages/", messages.public_list, name="message_list"),
    path("messages/write/", messages.write, name="message_write"),
    path("messages/sent/", messages.sent, name="message_sent"),
    path("messages/track/", messages.track, name="message_track"),
    path("messages/track/<int:pk>/", messages.track_detail, name="message_track_detail"),
    path("messages/<int:pk>/", messages.public_detail, name="message_public_detail"),

    # messages_staff.py
    path("staff/messages/", messages_staff.staff_list, name="staff_messages"),
    path("staff/messages/stats/", messages_staff.staff_stats, name="staff_message_stats"),
    path("staff/messages/responses/", messages_staff.staff_responses,
         name="staff_message_responses"),
    path("staff/messages/<int:pk>/", messages_staff.staff_detail, name="staff_message_detail"),
    path("staff/messages/<int:pk>/<slug:action>/", messages_staff.staff_action,
         name="staff_message_action"),
]
