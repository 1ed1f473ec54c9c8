"""Policy documents: 规章, 行政规范性文件, other policy documents, interpretations,
announcements; their validity lifecycle, attachments, gazette issues, the public-enterprise
column, and the yearly counts of annual-report table 二.

The full-text index is not a model: it is an FTS5 table (SQLite) or a tsvector column
(PostgreSQL) kept in the same transaction as the document by
``gongkai.policies.services``; see ``gongkai.policies.search``.
"""
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.versioning import version_field
from gongkai.orgs.models import Unit
from gongkai.publishing.models import CatalogCategory, Publishable


class DocumentKind(models.TextChoices):
    REGULATION = "regulation", _("规章")
    NORMATIVE = "normative", _("行政规范性文件")
    POLICY = "policy", _("其他政策文件")
    INTERPRETATION = "interpretation", _("政策解读")
    ANNOUNCEMENT = "announcement", _("公告公示")
    OTHER = "other", _("其他文件")


class Validity(models.TextChoices):
    """Stored states. 已失效 is derived from ``expires_on`` when read, so the
    "currently valid" list is true on the day it is read."""

    VALID = "valid", _("现行有效")
    AMENDED = "amended", _("已修改")
    REPEALED = "repealed", _("已废止")


class InterpretationForm(models.TextChoices):
    TEXT = "text", _("文字解读")
    GRAPHIC = "graphic", _("图解")
    VIDEO = "video", _("视频")
    QA = "qa", _("问答")


class Topic(models.Model):
    """主题分类 (the State Council's topic classification, or the district's)."""

    name = models.CharField(_("名称"), max_length=100, unique=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("主题分类")
        verbose_name_plural = _("主题分类")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class PolicyDocument(Publishable):
    version = version_field()
    kind = models.CharField(_("文件类型"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("标题"), max_length=300)
    index_number = models.CharField(_("索引号"), max_length=60, blank=True)
    doc_number = models.CharField(_("文号"), max_length=100, blank=True)
    issuer_code = models.CharField(_("发文机关代字"), max_length=50, blank=True,
                                   db_index=True)
    doc_year = models.PositiveSmallIntegerField(_("文号年份"), null=True, blank=True)
    doc_serial = models.PositiveIntegerField(_("文号序号"), null=True, blank=True)
    issuers = models.ManyToManyField(Unit, verbose_name=_("发文单位"), blank=True,
                                     related_name="issued_documents")
    issuer_names = models.CharField(_("发文机关"), max_length=300, blank=True,
                                    help_text=_("联合发文或上级机关发文时的机关名称"))
    written_on = models.DateField(_("成文日期"), null=True, blank=True)
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    effective_on = models.DateField(_("施行日期"), null=True, blank=True)
    expires_on = models.DateField(_("失效日期"), null=True, blank=True)
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="documents", verbose_name=_("主题分类"))
    category = models.ForeignKey(CatalogCategory, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="documents",
                                 verbose_name=_("公开类别（条例第二十条）"))
    body_html = models.TextField(_("正文"), blank=True, help_text=_("保存时清理不安全的标记。"))
    body_text = models.TextField(_("正文纯文本"), blank=True, editable=False)
    source_url = models.URLField(_("数据引用源头"), max_length=500, blank=True,
                                 help_text=_("转载规章、规范性文件时的权威来源（同源发布）。"))
    source_name = models.CharField(_("来源名称"), max_length=200, blank=True)
    validity = models.CharField(_("效力状态"), max_length=20, choices=Validity.choices,
                                default=Validity.VALID)
    amended_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="amends", verbose_name=_("修改文件"))
    repealed_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="repeals", verbose_name=_("废止文件"))
    interprets = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                                   related_name="interpretations",
                                   verbose_name=_("解读的文件"))
    interpretation_form = models.CharField(_("解读形式"), max_length=10, blank=True,
                                           choices=InterpretationForm.choices)
    media_url = models.URLField(_("图解/视频/问答链接"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("政策文件")
        verbose_name_plural = _("政策文件")
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["kind", "publication_status"]),
            models.Index(fields=["issuer_code", "doc_year", "doc_serial"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="interpretation") | Q(interprets__isnull=False),
                name="policies_interpretation_has_document",
            ),
            models.CheckConstraint(
                condition=~Q(validity="repealed") | Q(repealed_by__isnull=False),
                name="policies_repeal_links_document",
            ),
            models.CheckConstraint(
                condition=~Q(validity="amended") | Q(amended_by__isnull=False),
                name="policies_amendment_links_document",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    # The publishing contract: what the sensitive-information scan reads, and how a
    # reviewer's mask is applied (gongkai.publishing).
    def scan_sources(self) -> list[tuple[str, str]]:
        """(source, text) pairs: the title, the body, and each attachment's text."""
        sources = [("title", self.title), ("body", self.body_text)]
        from gongkai.policies.services.content import attachment_text

        sources += [(f"附件:{a.original_name}", attachment_text(a))
                    for a in self.attachments.all()]
        return sources

    # ``replace_in_source`` (masking and reindexing) is registered with publishing by
    # ``PoliciesConfig.ready``: the service it needs imports the search, which imports
    # this module.


def attachment_path(instance: "DocumentAttachment", filename: str) -> str:
    return f"policies/{instance.document_id}/{filename}"


class DocumentAttachment(models.Model):
    document = models.ForeignKey(PolicyDocument, on_delete=models.CASCADE,
                                 related_name="attachments")
    file = models.FileField(_("文件"), upload_to=attachment_path, max_length=300)
    original_name = models.CharField(_("原文件名"), max_length=255)
    mime_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(default=0)
    text = models.TextField(_("提取的文本"), blank=True, editable=False)
    # Text is extracted by a background job after the upload commits; until then the
    # scan reads the file itself (see scan_sources).
    text_pending = models.BooleanField(default=False, editable=False)
    text_error = models.CharField(max_length=200, blank=True, editable=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.original_name


class GazetteIssue(models.Model):
    """政府公报 (task 48): an issue grouping published documents."""

    year = models.PositiveSmallIntegerField(_("年份"))
    number = models.PositiveSmallIntegerField(_("期号"))
    title = models.CharField(_("标题"), max_length=200, blank=True)
    published_on = models.DateField(_("出版日期"), null=True, blank=True)
    documents = models.ManyToManyField(PolicyDocument, through="GazetteEntry",
                                       related_name="gazette_issues")
    pdf = models.FileField(_("电子版"), upload_to="gazette/", blank=True, max_length=300)

    class Meta:
        verbose_name = _("政府公报")
        verbose_name_plural = _("政府公报")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="policies_issue_once"),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.year}年第{self.number}期"


class GazetteEntry(models.Model):
    issue = models.ForeignKey(GazetteIssue, on_delete=models.CASCADE, related_name="entries")
    document = models.ForeignKey(PolicyDocument, on_delete=models.PROTECT,
                                 related_name="gazette_entries")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "document"], name="policies_entry_once"),
        ]

    def __str__(self) -> str:
        return f"{self.issue} · {self.document}"


class EnterpriseField(models.TextChoices):
    WATER = "water", _("供水")
    POWER = "power", _("供电")
    GAS = "gas", _("燃气")
    TRANSPORT = "transport", _("公共交通")
    MEDICAL = "medical", _("医疗卫生")
    EDUCATION = "education", _("教育")
    ENVIRONMENT = "environment", _("环境保护")
    TELECOM = "telecom", _("电信")
    OTHER = "other", _("其他")


class PublicEnterprise(models.Model):
    """公共企事业单位 of the public-enterprise column (task 19)."""

    name = models.CharField(_("名称"), max_length=200)
    field = models.CharField(_("领域"), max_length=20, choices=EnterpriseField.choices)
    url = models.URLField(_("信息公开网址"), max_length=500)
    supervisor = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("主管部门"))
    note = models.CharField(_("说明"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("公共企事业单位")
        verbose_name_plural = _("公共企事业单位")
        ordering = ["field", "order", "name"]

    def __str__(self) -> str:
        return self.name


class AnnualDecisionCount(models.Model):
    """The figures of annual-report table 二 that no document records: entered by each
    unit for the year."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    licensing = models.PositiveIntegerField(_("行政许可处理决定数量"), default=0)
    penalty = models.PositiveIntegerField(_("行政处罚处理决定数量"), default=0)
    enforcement = models.PositiveIntegerField(_("行政强制处理决定数量"), default=0)
    fees_wan_yuan = models.DecimalField(_("行政事业性收费金额（万元）"), max_digits=14,
                                        decimal_places=4, default=0)

    class Meta:
        verbose_name = _("年度处理决定与收费")
        verbose_name_plural = _("年度处理决定与收费")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="policies_count_once"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}"
