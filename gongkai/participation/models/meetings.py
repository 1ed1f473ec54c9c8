"""Decision meetings attended by public representatives (列席, plan task 24).

The district government's own meetings (区政府常务会议 …) are recorded by the unit that
serves it (区政府办) with ``for_district_government`` set: they count towards the
district government's target, not towards that unit's own. Yearly targets are rows of
``MeetingTarget``, so another year or another district changes data, not code.
"""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.versioning import version_field
from gongkai.orgs.models import Unit

__all__ = [
    "Meeting",
    "MeetingStatus",
    "MeetingTarget",
    "Representative",
    "RepresentativeKind",
    "SelectionMethod",
    "SignUp",
    "SignUpStatus",
    "TargetScope",
]


class RepresentativeKind(models.TextChoices):
    ENTREPRENEUR = "entrepreneur", _("企业家")
    EXPERT = "expert", _("专家")
    RESIDENT = "resident", _("群众")
    NPC_DEPUTY = "npc_deputy", _("人大代表")
    CPPCC_MEMBER = "cppcc_member", _("政协委员")
    OTHER = "other", _("其他")


class SelectionMethod(models.TextChoices):
    OPEN_CALL = "open_call", _("公开报名遴选")
    INVITED = "invited", _("邀请")


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    ANNOUNCED = "announced", _("已公告")
    HELD = "held", _("已召开")
    CANCELLED = "cancelled", _("已取消")


class Meeting(models.Model):
    version = version_field()
    unit = models.ForeignKey(Unit, verbose_name=_("会议单位"), on_delete=models.PROTECT,
                             related_name="decision_meetings")
    for_district_government = models.BooleanField(
        _("区政府决策会议"), default=False,
        help_text=_("区政府常务会议等，计入区政府的年度目标。"))
    held_on = models.DateField(_("会议日期"))
    subject = models.CharField(_("议题"), max_length=300)
    description = models.TextField(_("会议说明"), blank=True)
    location = models.CharField(_("地点"), max_length=200, blank=True)
    status = models.CharField(_("状态"), max_length=20, choices=MeetingStatus.choices,
                              default=MeetingStatus.DRAFT, db_index=True)
    open_call = models.BooleanField(_("公开报名遴选列席代表"), default=False)
    signup_closes_on = models.DateField(_("报名截止日期"), null=True, blank=True)
    seats = models.PositiveSmallIntegerField(_("拟遴选人数"), default=0)
    live_url = models.URLField(_("直播链接"), max_length=500, blank=True)
    recording_url = models.URLField(_("录播链接"), max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("决策会议")
        verbose_name_plural = _("决策会议")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["status", "held_on", "unit"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(open_call=False) | Q(signup_closes_on__isnull=False),
                name="participation_open_call_has_deadline"),
            models.CheckConstraint(
                condition=Q(signup_closes_on__isnull=True)
                | Q(signup_closes_on__lte=models.F("held_on")),
                name="participation_signup_before_meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.held_on} {self.subject}"


class Representative(models.Model):
    """A public representative who attends (attended) the meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE,
                                related_name="representatives")
    name = models.CharField(_("姓名"), max_length=50)
    kind = models.CharField(_("代表类别"), max_length=20, choices=RepresentativeKind.choices)
    selection = models.CharField(_("产生方式"), max_length=20, choices=SelectionMethod.choices)
    affiliation = models.CharField(_("单位或身份"), max_length=100, blank=True)
    signup = models.OneToOneField("SignUp", null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="representative")

    class Meta:
        verbose_name = _("列席代表")
        verbose_name_plural = _("列席代表")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class SignUpStatus(models.TextChoices):
    PENDING = "pending", _("待遴选")
    SELECTED = "selected", _("已选定")
    NOT_SELECTED = "not_selected", _("未选定")


class SignUp(models.Model):
    """A member of the public applying to attend a meeting with an open call."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="signups")
    name = models.CharField(_("姓名"), max_length=50)
    kind = models.CharField(_("代表类别"), max_length=20, choices=RepresentativeKind.choices)
    # Never shown on a public page.
    contact = models.CharField(_("联系方式"), max_length=100)
    statement = models.TextField(_("报名理由"), blank=True)
    status = models.CharField(_("状态"), max_length=20, choices=SignUpStatus.choices,
                              default=SignUpStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("列席报名")
        verbose_name_plural = _("列席报名")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name


class TargetScope(models.TextChoices):
    DISTRICT_GOVERNMENT = "district_government", _("区政府")
    EACH_UNIT = "each_unit", _("各部门、街镇和园区管理机构")


class MeetingTarget(models.Model):
    """How many meetings with public representatives a holder must hold in a year."""

    year = models.PositiveSmallIntegerField(_("年度"))
    scope = models.CharField(_("适用范围"), max_length=30, choices=TargetScope.choices)
    minimum = models.PositiveSmallIntegerField(_("不少于（次）"))
    basis = models.CharField(_("依据"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("列席决策会议年度目标")
        verbose_name_plural = _("列席决策会议年度目标")
        ordering = ["-year", "scope"]
        constraints = [
            models.UniqueConstraint(fields=["year", "scope"],
                                    name="participation_target_once_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_scope_display()} ≥ {self.minimum}"
