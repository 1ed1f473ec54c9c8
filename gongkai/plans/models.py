"""The yearly plan and the work units do on it.

Plan → Part → Section → Task, as published. ``TaskUnit``/``TaskGroup`` keep what the
document says (who, in which role); ``Assignment`` is the expansion against today's
registry: one row per task and unit, carrying the unit's breakdown. ``Report`` is one
unit's progress on one task for one reporting period, with its ``Evidence``.
"""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.versioning import version_field
from gongkai.orgs.models import Unit, UnitGroup


class Plan(models.Model):
    year = models.PositiveIntegerField(_("年度"), unique=True)
    title = models.CharField(_("标题"), max_length=300)
    doc_number = models.CharField(_("文号"), max_length=100, blank=True)
    issuer = models.CharField(_("印发机关"), max_length=200, blank=True)
    signed_on = models.DateField(_("成文日期"), null=True, blank=True)
    notice_text = models.TextField(_("通知正文"), blank=True)
    source_name = models.CharField(_("来源文件"), max_length=255, blank=True)
    imported_at = models.DateTimeField(_("导入时间"), auto_now=True)

    class Meta:
        verbose_name = _("年度分工方案")
        verbose_name_plural = _("年度分工方案")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title


class ReportingPeriod(models.Model):
    """A period units report on (第三季度, 第四季度 …) and its deadline."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="periods")
    number = models.PositiveSmallIntegerField(_("季度"))
    name = models.CharField(_("名称"), max_length=50)
    deadline = models.DateField(_("报送截止日期"))

    class Meta:
        verbose_name = _("报送期")
        verbose_name_plural = _("报送期")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plans_period_once"),
            models.CheckConstraint(condition=Q(number__gte=1, number__lte=4),
                                   name="plans_period_is_a_quarter"),
        ]

    def __str__(self) -> str:
        return f"{self.plan.year}年{self.name}"


class Part(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="parts")
    number = models.PositiveSmallIntegerField(_("序号"))
    title = models.CharField(_("标题"), max_length=300)

    class Meta:
        verbose_name = _("部分")
        verbose_name_plural = _("部分")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plans_part_once"),
        ]

    def __str__(self) -> str:
        return self.title


class Section(models.Model):
    """A numbered heading ((一)…(十八)); the numbering runs through the whole plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="sections")
    number = models.PositiveSmallIntegerField(_("序号"))
    title = models.CharField(_("标题"), max_length=300)

    class Meta:
        verbose_name = _("项目")
        verbose_name_plural = _("项目")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plans_section_once"),
        ]

    def __str__(self) -> str:
        return self.title


class Task(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="tasks")
    number = models.PositiveSmallIntegerField(_("序号"))
    title = models.CharField(_("任务名称"), max_length=300, blank=True,
                             help_text=_("表格有“任务”列时的简称；无则留空。"))
    text = models.TextField(_("具体要求"))

    class Meta:
        verbose_name = _("工作任务")
        verbose_name_plural = _("工作任务")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plans_task_once"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:30]}"


class TaskRole(models.TextChoices):
    LEAD = "lead", _("牵头")
    COORDINATE = "coordinate", _("协调")
    IMPLEMENT = "implement", _("落实")
    COOPERATE = "cooperate", _("配合")


class TaskUnit(models.Model):
    """A unit the plan names for a task, in the role the plan gives it."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="task_units")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="task_units")
    role = models.CharField(_("职责"), max_length=20, choices=TaskRole.choices)
    note = models.CharField(_("分工说明"), max_length=200, blank=True,
                            help_text=_("方案在单位名称后括注的分工，如“负责规范性文件审核”。"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["task", "position"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit"], name="plans_task_unit_once"),
        ]

    def __str__(self) -> str:
        return f"{self.task.number} · {self.unit} ({self.get_role_display()})"


class TaskGroup(models.Model):
    """A group word the plan uses for a task (各街镇 …), expanded at assignment."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="task_groups")
    group = models.ForeignKey(UnitGroup, on_delete=models.PROTECT, related_name="task_groups")
    role = models.CharField(_("职责"), max_length=20, choices=TaskRole.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["task", "position"]
        constraints = [
            models.UniqueConstraint(fields=["task", "group"], name="plans_task_group_once"),
        ]

    def __str__(self) -> str:
        return f"{self.task.number} · {self.group} ({self.get_role_display()})"


class Assignment(models.Model):
    """A task on one unit's list, with the unit's breakdown (细化分解)."""

    version = version_field()
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="assignments")
    role = models.CharField(_("职责"), max_length=20, choices=TaskRole.choices)
    via_group = models.ForeignKey(UnitGroup, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("来自单位组"))
    measures = models.TextField(_("工作措施"), blank=True)
    target = models.TextField(_("任务目标"), blank=True)
    due_on = models.DateField(_("完成时限"), null=True, blank=True)
    responsible_dept = models.CharField(_("责任部门"), max_length=100, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("任务分解")
        verbose_name_plural = _("任务分解")
        ordering = ["task__number", "unit__sort_order", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit"], name="plans_assignment_once"),
        ]

    def __str__(self) -> str:
        return f"{self.task.number} · {self.unit}"


class ProgressState(models.TextChoices):
    NOT_STARTED = "not_started", _("未启动")
    IN_PROGRESS = "in_progress", _("推进中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("未能完成")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("已报送")
    RETURNED = "returned", _("退回整改")
    PASSED = "passed", _("审核通过")


class Report(models.Model):
    """One unit's progress on one task for one reporting period."""

    version = version_field()
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reports")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="reports")
    progress = models.TextField(_("工作进展及成效"), blank=True)
    state = models.CharField(_("推进状态"), max_length=20, choices=ProgressState.choices,
                             default=ProgressState.NOT_STARTED)
    failure_reason = models.TextField(_("未能完成原因"), blank=True)
    status = models.CharField(_("审核状态"), max_length=20, choices=ReportStatus.choices,
                              default=ReportStatus.DRAFT)
    first_submitted_at = models.DateTimeField(_("首次报送时间"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("报送时间"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    review_comment = models.TextField(_("审核意见"), blank=True)
    return_count = models.PositiveSmallIntegerField(_("退回次数"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("推进情况报告")
        verbose_name_plural = _("推进情况报告")
        ordering = ["period__number", "assignment__task__number"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "period"], name="plans_report_once"),
            models.CheckConstraint(
                condition=~Q(state="failed") | ~Q(failure_reason=""),
                name="plans_failure_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assignment} · {self.period}"

    @property
    def is_late(self) -> bool:
        """Submitted after the period's deadline (the first submission counts)."""
        from django.utils import timezone

        if self.first_submitted_at is None:
            return False
        return timezone.localdate(self.first_submitted_at) > self.period.deadline


class EvidenceKind(models.TextChoices):
    FILE = "file", _("附件")
    LINK = "link", _("网页链接")


def evidence_path(instance: "Evidence", filename: str) -> str:
    return f"evidence/{instance.report_id}/{filename}"


class Evidence(models.Model):
    """A file or web link proving progress; links are checked online (网上核查)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("类型"), max_length=10, choices=EvidenceKind.choices)
    file = models.FileField(_("文件"), upload_to=evidence_path, blank=True, max_length=300)
    original_name = models.CharField(_("原文件名"), max_length=255, blank=True)
    mime_type = models.CharField(_("文件类型"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("大小"), default=0)
    url = models.URLField(_("链接"), max_length=1000, blank=True)
    title = models.CharField(_("说明"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    checked_at = models.DateTimeField(_("核查时间"), null=True, blank=True)
    http_status = models.PositiveSmallIntegerField(_("HTTP 状态"), null=True, blank=True)
    page_title = models.CharField(_("网页标题"), max_length=300, blank=True)
    snapshot = models.FileField(_("网页快照"), upload_to="snapshots/", blank=True,
                                max_length=300)
    is_dead = models.BooleanField(_("失效链接"), null=True, blank=True)
    check_error = models.CharField(_("核查错误"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("佐证材料")
        verbose_name_plural = _("佐证材料")
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="file") & ~Q(file="")) | (Q(kind="link") & ~Q(url="")),
                name="plans_evidence_has_content",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.original_name or self.url


class ScoringRule(models.Model):
    """How a unit's score for a period is computed (rules are data, editable)."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="scoring_rule")
    on_time_points = models.PositiveSmallIntegerField(
        _("按时报送分值"), default=30, help_text=_("按按时报送的报告占比折算。"))
    passed_points = models.PositiveSmallIntegerField(
        _("审核通过分值"), default=60, help_text=_("按审核通过的报告占比折算。"))
    completeness_points = models.PositiveSmallIntegerField(
        _("报送完整分值"), default=10, help_text=_("按已报送任务占应报任务的比例折算。"))
    return_penalty = models.DecimalField(_("每次退回扣分"), max_digits=5, decimal_places=2,
                                         default=1)

    class Meta:
        verbose_name = _("评分规则")
        verbose_name_plural = _("评分规则")

    def __str__(self) -> str:
        return f"{self.plan.year}年评分规则"


class NoticeKind(models.TextChoices):
    PRAISE = "praise", _("表扬")
    CRITICISM = "criticism", _("批评")


class Notice(models.Model):
    """A 通报 of praise or criticism generated from the review results."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="notices")
    period = models.ForeignKey(ReportingPeriod, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="notices")
    title = models.CharField(_("标题"), max_length=300)
    doc_number = models.CharField(_("文号"), max_length=100, blank=True)
    praised = models.ManyToManyField(Unit, blank=True, related_name="+",
                                     verbose_name=_("表扬单位"))
    criticised = models.ManyToManyField(Unit, blank=True, related_name="+",
                                        verbose_name=_("批评单位"))
    body = models.TextField(_("正文"), blank=True)
    file = models.FileField(_("文件"), upload_to="notices/", blank=True, max_length=300)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("通报")
        verbose_name_plural = _("通报")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class FollowUp(models.Model):
    """回头看: an unfinished assignment of an earlier plan carried into a later one."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="follow_ups")
    previous = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="follow_ups")
    note = models.TextField(_("整改说明"), blank=True)
    resolved_at = models.DateTimeField(_("整改完成时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("回头看")
        verbose_name_plural = _("回头看")
        constraints = [
            models.UniqueConstraint(fields=["plan", "previous"], name="plans_follow_up_once"),
        ]

    def __str__(self) -> str:
        return f"{self.plan.year} ← {self.previous}"
