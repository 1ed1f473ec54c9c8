"""Meetings and training that plan tasks 54, 55 and 57 ask for: dated records with the
attendance and the minutes (files), counted as indicators."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Unit

__all__ = ["RecordKind", "WorkRecord", "WorkRecordFile"]


class RecordKind(models.TextChoices):
    LEADING_GROUP = "leading_group", _("政务公开领导小组会议")  # task 54
    LEADER_HEARING = "leader_hearing", _("主要负责同志听取政务公开工作汇报")  # task 55
    TRAINING = "training", _("政务公开业务培训")  # task 57
    LEGAL_REVIEW = "legal_review", _("法律顾问审查依申请公开答复")  # task 57


class WorkRecord(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("单位"))
    kind = models.CharField(_("类型"), max_length=20, choices=RecordKind.choices)
    held_on = models.DateField(_("日期"))
    title = models.CharField(_("名称"), max_length=200)
    attendees = models.TextField(_("参加人员"), blank=True)
    attendee_count = models.PositiveIntegerField(_("参加人数"), default=0)
    summary = models.TextField(_("主要内容"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("会议培训记录")
        verbose_name_plural = _("会议培训记录")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["kind", "held_on", "unit"])]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="reports_record_has_title"),
        ]

    def __str__(self) -> str:
        return f"{self.held_on} {self.title}"


def record_file_path(instance: "WorkRecordFile", filename: str) -> str:
    return f"records/{instance.record_id}/{filename}"


class WorkRecordFile(models.Model):
    """Minutes, sign-in sheet or photos of a record; checked by content on upload."""

    record = models.ForeignKey(WorkRecord, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("文件"), upload_to=record_file_path, max_length=300)
    original_name = models.CharField(_("原文件名"), max_length=255, blank=True)
    mime_type = models.CharField(_("文件类型"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("大小"), default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("会议培训记录附件")
        verbose_name_plural = _("会议培训记录附件")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name or self.file.name
