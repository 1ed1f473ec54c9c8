"""Review before publication (先审后发, 三审三校), the sensitive-information scan, and the
proactive-disclosure catalog.

Any model that reaches the public site inherits ``Publishable``; its publication state
changes only through ``gongkai.publishing.services`` (submit for review, pass, return,
publish, withdraw). ``Review`` and ``Finding`` point at the content generically, so
documents, interpretations, catalog items and later modules share one review desk.
"""
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.versioning import version_field
from gongkai.orgs.models import Unit


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    IN_REVIEW = "in_review", _("审核中")
    RETURNED = "returned", _("退回修改")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


class Audience(models.TextChoices):
    """Who may read published content (task 36: limited audiences get limited scope)."""

    PUBLIC = "public", _("社会公众")
    STAFF = "staff", _("政府工作人员")
    UNITS = "units", _("指定单位")


class Publishable(models.Model):
    """Fields every publishable item carries. Changed only by the publishing services."""

    unit = models.ForeignKey(Unit, verbose_name=_("发布单位"), on_delete=models.PROTECT,
                             related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("起草人"),
                               null=True, on_delete=models.SET_NULL, related_name="+")
    publication_status = models.CharField(_("发布状态"), max_length=20,
                                          choices=PublicationStatus.choices,
                                          default=PublicationStatus.DRAFT, db_index=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    audience = models.CharField(_("公开范围"), max_length=10, choices=Audience.choices,
                                default=Audience.PUBLIC)
    audience_units = models.ManyToManyField(Unit, verbose_name=_("限定单位"), blank=True,
                                            related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ReviewLevel(models.IntegerChoices):
    FIRST = 1, _("初审")
    SECOND = 2, _("复审")
    FINAL = 3, _("终审")


class ReviewRoute(models.Model):
    """How many review levels a unit's content passes (1–3). The route with no unit is
    the district default."""

    unit = models.OneToOneField(Unit, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="review_route")
    levels = models.PositiveSmallIntegerField(_("审核级数"), default=3)
    reviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                       related_name="review_routes",
                                       verbose_name=_("审核人"))

    class Meta:
        verbose_name = _("审核流程")
        verbose_name_plural = _("审核流程")
        constraints = [
            models.CheckConstraint(condition=Q(levels__gte=1, levels__lte=3),
                                   name="publishing_levels_1_to_3"),
            models.UniqueConstraint(fields=["unit"], name="publishing_route_per_unit"),
            models.UniqueConstraint(fields=["levels"], condition=Q(unit__isnull=True),
                                    name="publishing_one_default_route"),
        ]

    def __str__(self) -> str:
        return f"{self.unit or '默认'}: {self.levels}"


class ReviewStatus(models.TextChoices):
    OPEN = "open", _("审核中")
    PASSED = "passed", _("已通过")
    RETURNED = "returned", _("已退回")
    CANCELLED = "cancelled", _("已撤销")


class Review(models.Model):
    """One round of review of one item: levels 1..levels_required, each a different
    person and never the author. A return closes the round; resubmission opens a new one."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="+")
    levels_required = models.PositiveSmallIntegerField(_("审核级数"))
    current_level = models.PositiveSmallIntegerField(_("当前级别"), default=1)
    status = models.CharField(_("状态"), max_length=20, choices=ReviewStatus.choices,
                              default=ReviewStatus.OPEN)
    submitted_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("发布审核")
        verbose_name_plural = _("发布审核")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"],
                                    condition=Q(status="open"),
                                    name="publishing_one_open_review"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} L{self.current_level}"


class ReviewDecision(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="decisions")
    level = models.PositiveSmallIntegerField(_("级别"), choices=ReviewLevel.choices)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    passed = models.BooleanField(_("通过"))
    reason = models.TextField(_("意见"), blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("审核意见")
        verbose_name_plural = _("审核意见")
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "level"], name="publishing_decide_once"),
            models.CheckConstraint(condition=Q(passed=True) | ~Q(reason=""),
                                   name="publishing_return_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.review_id} L{self.level} {'通过' if self.passed else '退回'}"


class FindingKind(models.TextChoices):
    ID_NUMBER = "id_number", _("居民身份证号码")
    MOBILE = "mobile", _("手机号码")
    BANK_CARD = "bank_card", _("银行卡号")
    CLASSIFICATION = "classification", _("密级标识")
    WORD = "word", _("敏感词")


class FindingStatus(models.TextChoices):
    OPEN = "open", _("待处理")
    MASKED = "masked", _("已遮盖")
    REMOVED = "removed", _("已删除")
    ACCEPTED = "accepted", _("确认可公开")


class Finding(models.Model):
    """Something the scan found that may not be published. Blocks publication until a
    reviewer masks, removes or accepts it with a reason. The raw match is not stored:
    only where it is and a masked excerpt."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    source = models.CharField(_("位置"), max_length=200,
                              help_text=_("字段名，或附件的文件名"))
    kind = models.CharField(_("类型"), max_length=20, choices=FindingKind.choices)
    start = models.PositiveIntegerField(_("起始位置"), null=True, blank=True)
    end = models.PositiveIntegerField(_("结束位置"), null=True, blank=True)
    excerpt = models.CharField(_("摘录（已遮盖）"), max_length=200)
    fingerprint = models.CharField(max_length=64, help_text="sha256 of the raw match")
    status = models.CharField(_("处理状态"), max_length=20, choices=FindingStatus.choices,
                              default=FindingStatus.OPEN)
    reason = models.TextField(_("处理说明"), blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("敏感信息")
        verbose_name_plural = _("敏感信息")
        ordering = ["source", "start", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "status"])]
        constraints = [
            models.CheckConstraint(condition=~Q(status="accepted") | ~Q(reason=""),
                                   name="publishing_accept_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.excerpt}"


class SensitiveWord(models.Model):
    """The configurable word list of the scan."""

    word = models.CharField(_("词语"), max_length=50, unique=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("敏感词")
        verbose_name_plural = _("敏感词")
        ordering = ["word"]

    def __str__(self) -> str:
        return self.word


class CatalogCategory(models.Model):
    """The 15 categories of Art. 20 and the district topics of Art. 21, plus any the
    district adds (基层政务公开标准目录 areas)."""

    code = models.CharField(_("编码"), max_length=20, unique=True)
    name = models.CharField(_("名称"), max_length=200)
    article = models.CharField(_("依据"), max_length=50, blank=True,
                               help_text=_("例如：条例第二十条第（一）项"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("公开目录类别")
        verbose_name_plural = _("公开目录类别")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class CatalogItem(Publishable):
    """One item of a unit's proactive-disclosure catalog (task 49) or standard catalog
    (task 50). Published within 20 working days of being made or changed (Art. 26)."""

    version = version_field()
    category = models.ForeignKey(CatalogCategory, on_delete=models.PROTECT,
                                 related_name="items", verbose_name=_("类别"))
    title = models.CharField(_("公开事项"), max_length=300)
    description = models.TextField(_("公开内容"), blank=True)
    basis = models.CharField(_("公开依据"), max_length=300, blank=True)
    time_limit = models.CharField(_("公开时限"), max_length=100,
                                  default="信息形成或者变更之日起20个工作日内")
    is_standard_catalog = models.BooleanField(_("基层政务公开标准目录事项"), default=False)
    made_on = models.DateField(_("形成或变更日期"), null=True, blank=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    url = models.URLField(_("公开链接"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("主动公开目录事项")
        verbose_name_plural = _("主动公开目录事项")
        ordering = ["category__order", "title"]

    def __str__(self) -> str:
        return self.title

    # The Publishable contract read by gongkai.publishing.services.scan.
    SCANNED_FIELDS = ("title", "description", "basis")

    def scan_sources(self) -> list[tuple[str, str]]:
        return [(name, getattr(self, name)) for name in self.SCANNED_FIELDS]

    def replace_in_source(self, source: str, old: str, new: str) -> None:
        """Replace every ``old`` in the field ``source`` by ``new`` and save it."""
        if source not in self.SCANNED_FIELDS or not old:
            raise ValueError(f"not a scanned field of a catalog item: {source!r}")
        setattr(self, source, getattr(self, source).replace(old, new))
        self.save(update_fields=[source, "updated_at"])
