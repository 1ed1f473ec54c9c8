"""The register (开办、整合、关停) of the district's websites and new-media accounts.

Every field of the domain note is here. States change only through the transition
tables in ``services.register``: opening and closing need the office's approval
(websites, 47号) or its acceptance of the filing (new media, 123号 分级备案)."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SiteStatus(models.TextChoices):
    REQUESTED = "requested", _("申请开办")
    RUNNING = "running", _("运行")
    MIGRATING = "migrating", _("整合迁移中")
    CLOSE_REQUESTED = "close_requested", _("申请关停")
    CLOSED = "closed", _("已关停")
    REJECTED = "rejected", _("未获批准")


class Website(models.Model):
    unit = models.ForeignKey("orgs.Unit", verbose_name=_("主办单位"), on_delete=models.PROTECT,
                             related_name="websites")
    operator = models.CharField(_("承办单位"), max_length=100, blank=True)
    name = models.CharField(_("网站名称"), max_length=100)
    url = models.URLField(_("网址"), max_length=300)
    site_code = models.CharField(_("网站标识码"), max_length=20, blank=True)
    icp_number = models.CharField(_("ICP备案号"), max_length=60, blank=True)
    police_number = models.CharField(_("公安机关备案号"), max_length=60, blank=True)
    has_party_label = models.BooleanField(_("党政机关网站标识"), default=False)
    contact_name = models.CharField(_("联系人"), max_length=50, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    on_platform = models.BooleanField(_("在集约化平台上"), default=False)
    ipv6 = models.BooleanField(_("支持IPv6"), default=False)
    is_portal = models.BooleanField(
        _("区政府门户网站"), default=False,
        help_text=_("门户网站：年度报告截止日按区政府（3月31日），合格后计加分。"))
    disclosure_url = models.URLField(_("政府信息公开栏目网址"), max_length=300, blank=True)
    status = models.CharField(_("状态"), max_length=20, choices=SiteStatus.choices,
                              default=SiteStatus.REQUESTED)
    closed_on = models.DateField(_("关停日期"), null=True, blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("政府网站")
        verbose_name_plural = _("政府网站")
        ordering = ["unit__sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["url"], name="websites_unique_url"),
            models.CheckConstraint(condition=~Q(status="closed") | Q(closed_on__isnull=False),
                                   name="websites_closed_has_date"),
        ]

    def __str__(self) -> str:
        return self.name


class ColumnKind(models.TextChoices):
    NEWS = "news", _("动态/要闻")
    NOTICE = "notice", _("通知公告/政策文件")
    OTHER = "other", _("人事/规划等")


class Column(models.Model):
    """A column whose freshness the office checks; it marks which ones count."""

    website = models.ForeignKey(Website, on_delete=models.CASCADE, related_name="columns")
    name = models.CharField(_("栏目名称"), max_length=100)
    url = models.URLField(_("栏目列表页网址"), max_length=300)
    kind = models.CharField(_("类别"), max_length=10, choices=ColumnKind.choices)
    checked = models.BooleanField(_("纳入检查"), default=True)

    class Meta:
        verbose_name = _("检查栏目")
        verbose_name_plural = _("检查栏目")
        ordering = ["website", "kind", "name"]

    def __str__(self) -> str:
        return f"{self.website} · {self.name}"


class Platform(models.TextChoices):
    WECHAT = "wechat", _("微信公众号")
    WEIBO = "weibo", _("微博")
    DOUYIN = "douyin", _("抖音")
    TOUTIAO = "toutiao", _("今日头条")
    CHANNELS = "channels", _("微信视频号")
    KUAISHOU = "kuaishou", _("快手")
    APP = "app", _("移动客户端")
    OTHER = "other", _("其他")


class AccountStatus(models.TextChoices):
    REQUESTED = "requested", _("开设报备待确认")
    RUNNING = "running", _("运行")
    CLOSE_REQUESTED = "close_requested", _("关停/整合/注销报备待确认")
    MERGED = "merged", _("已整合")
    CLOSED = "closed", _("已关停")
    DEREGISTERED = "deregistered", _("已注销")
    REJECTED = "rejected", _("报备未通过")


class NewMediaAccount(models.Model):
    unit = models.ForeignKey("orgs.Unit", verbose_name=_("开办单位"), on_delete=models.PROTECT,
                             related_name="media_accounts")
    platform = models.CharField(_("平台"), max_length=20, choices=Platform.choices)
    name = models.CharField(_("账号名称"), max_length=100)
    account_id = models.CharField(_("账号ID"), max_length=100)
    certified_owner = models.CharField(_("认证主体（主办单位）"), max_length=100)
    filed_on = models.DateField(_("备案日期"), null=True, blank=True)
    responsible = models.CharField(_("责任人"), max_length=50)
    responsible_phone = models.CharField(_("责任人电话"), max_length=30, blank=True)
    ipv6 = models.BooleanField(_("支持IPv6（客户端）"), default=False)
    status = models.CharField(_("状态"), max_length=20, choices=AccountStatus.choices,
                              default=AccountStatus.REQUESTED)
    end_requested = models.CharField(_("报备的变更"), max_length=20, blank=True,
                                     help_text=_("关停、整合或注销：报备时选定，确认时生效。"))
    closed_on = models.DateField(_("关停/注销日期"), null=True, blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("政务新媒体账号")
        verbose_name_plural = _("政务新媒体账号")
        ordering = ["unit__sort_order", "platform", "name"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "account_id"],
                                    name="websites_unique_account"),
        ]

    def __str__(self) -> str:
        return f"{self.get_platform_display()} · {self.name}"


class CheckRule(models.Model):
    """The office's value for one threshold of ``rules.THRESHOLDS``."""

    key = models.CharField(_("规则"), max_length=60, unique=True)
    value = models.DecimalField(_("取值"), max_digits=10, decimal_places=2)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("检查规则")
        verbose_name_plural = _("检查规则")
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.key} = {self.value}"
