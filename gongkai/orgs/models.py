from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class UnitCategory(models.TextChoices):
    DEPARTMENT = "department", _("部门")
    STREET_TOWN = "street_town", _("街镇")
    PARK = "park", _("园区管理机构")
    OTHER = "other", _("其他")


class Unit(models.Model):
    """A unit of the district: a department, a street or town, a park management body."""

    name = models.CharField(_("规范名称"), max_length=100, unique=True,
                            help_text=_("简体中文全称，例如“区发展改革局”。"))
    short_name = models.CharField(_("简称"), max_length=50, blank=True)
    category = models.CharField(_("类别"), max_length=20, choices=UnitCategory.choices,
                                default=UnitCategory.DEPARTMENT)
    is_office = models.BooleanField(
        _("政务公开办"), default=False,
        help_text=_("区政务公开办：审阅、评分、通报全区各单位的工作。"),
    )
    is_active = models.BooleanField(_("在用"), default=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("单位")
        verbose_name_plural = _("单位")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["is_office"], condition=Q(is_office=True),
                                    name="orgs_one_disclosure_office"),
        ]

    def __str__(self) -> str:
        return self.name


class UnitAlias(models.Model):
    """Another name a document may use for a unit: short, traditional, without 区."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("别名"), max_length=100)
    key = models.CharField(max_length=100, unique=True, editable=False,
                           help_text="name_key(name): the script-insensitive match key")

    class Meta:
        verbose_name = _("单位别名")
        verbose_name_plural = _("单位别名")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        from gongkai.core.text import name_key

        self.key = name_key(self.name)
        super().save(*args, **kwargs)


class UnitGroup(models.Model):
    """A set of units named by a group word (各部门, 各街镇 …), which changes over time.

    Members are every active unit of the listed categories plus the explicit members;
    the group is expanded when work is assigned, not when the plan is imported.
    """

    name = models.CharField(_("名称"), max_length=50, unique=True)
    aliases = models.JSONField(_("其他写法"), default=list, blank=True,
                               help_text=_("例如“各街道、镇”“街镇”。"))
    categories = models.JSONField(_("按类别包含"), default=list, blank=True)
    members = models.ManyToManyField(Unit, verbose_name=_("指定成员"), blank=True,
                                     related_name="explicit_groups")
    description = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("单位组")
        verbose_name_plural = _("单位组")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    OFFICE_ADMIN = "office_admin", _("政务公开办管理员")
    UNIT_STAFF = "unit_staff", _("单位工作人员")
    REVIEWER = "reviewer", _("审核人")
    SUPERVISOR = "supervisor", _("监督员")
    PUBLIC = "public", _("公众")


class User(AbstractUser):
    """A person using the platform. Staff belong to exactly one unit."""

    role = models.CharField(_("角色"), max_length=20, choices=Role.choices,
                            default=Role.PUBLIC)
    unit = models.ForeignKey(Unit, verbose_name=_("所属单位"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="users")
    display_name = models.CharField(_("姓名"), max_length=50, blank=True)
    phone = models.CharField(_("电话"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=["public", "supervisor"]) | Q(unit__isnull=False),
                name="orgs_staff_have_a_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def is_office_admin(self) -> bool:
        return self.role == Role.OFFICE_ADMIN or self.is_superuser

    @property
    def is_unit_staff(self) -> bool:
        return self.role == Role.UNIT_STAFF

    @property
    def is_reviewer(self) -> bool:
        return self.role == Role.REVIEWER

    @property
    def is_supervisor(self) -> bool:
        return self.role == Role.SUPERVISOR
