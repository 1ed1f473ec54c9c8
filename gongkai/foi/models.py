"""Disclosure applications (依申请公开) and everything that happens to one.

The statutory clock is not a stored counter: ``due_on`` is recomputed by
``gongkai.workdays.calendar.compute_due`` from the inputs kept here (date of receipt,
supplements received, pauses, extension, a manual date under Art. 35) whenever one of
them or the calendar changes. Overdue is derived from ``due_on`` at query time.
"""
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.foi.codes import (
    AppealKind,
    AppealResult,
    ApplicantType,
    Channel,
    LetterKind,
    Outcome,
)
from gongkai.orgs.models import Unit


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO = "hk_macao", _("港澳居民来往内地通行证")
    TAIWAN = "taiwan", _("台湾居民来往大陆通行证")
    CREDIT_CODE = "credit_code", _("统一社会信用代码")
    OTHER = "other", _("其他证件")


class Status(models.TextChoices):
    PENDING = "pending", _("待确认收到")
    PROCESSING = "processing", _("办理中")
    AWAITING_SUPPLEMENT = "awaiting_supplement", _("待补正")
    CONSULTING = "consulting", _("征求意见中")
    AWAITING_PAYMENT = "awaiting_payment", _("待缴费")
    REPLIED = "replied", _("已答复")
    ARCHIVED = "archived", _("已归档")


OPEN_STATUSES = (Status.PENDING, Status.PROCESSING, Status.AWAITING_SUPPLEMENT,
                 Status.CONSULTING, Status.AWAITING_PAYMENT)


def new_query_code() -> str:
    return secrets.token_hex(5).upper()


class Application(models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("办理单位"), on_delete=models.PROTECT,
                             related_name="foi_applications")
    number = models.CharField(_("登记编号"), max_length=60, blank=True)
    query_code = models.CharField(_("查询码"), max_length=20, unique=True,
                                  default=new_query_code, editable=False)
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True,
                                      editable=False,
                                      help_text="the form's one-time token: a double "
                                                "submission finds the first application")
    # The applicant.
    applicant_type = models.CharField(_("申请人类型"), max_length=20,
                                      choices=ApplicantType.choices)
    applicant_name = models.CharField(_("申请人名称"), max_length=200)
    id_type = models.CharField(_("证件类型"), max_length=20, choices=IdType.choices)
    id_number = models.CharField(_("证件号码"), max_length=40)
    contact_person = models.CharField(_("联系人"), max_length=100, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=300, blank=True)
    postal_code = models.CharField(_("邮政编码"), max_length=10, blank=True)
    public_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="foi_applications")
    # What is asked for.
    description = models.TextField(_("所需政府信息的名称、文号或者便于查询的其他特征性描述"))
    purpose = models.TextField(_("用途（选填）"), blank=True)
    form_wanted = models.CharField(_("获取信息的载体形式"), max_length=30, blank=True)
    delivery_wanted = models.CharField(_("获取信息的方式"), max_length=30, blank=True)
    # The clock.
    channel = models.CharField(_("提交方式"), max_length=20, choices=Channel.choices)
    submitted_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    received_on = models.DateField(_("收到日期"), null=True, blank=True,
                                   help_text=_("按《条例》第三十一条确定。"))
    receipt_confirmation = models.CharField(
        _("确认收到的方式"), max_length=200, blank=True,
        help_text=_("平常信函、互联网渠道、传真：与申请人确认的方式，如电话、短信、电子邮件。"))
    extended_on = models.DateField(_("延期日期"), null=True, blank=True)
    extension_reason = models.TextField(_("延期理由"), blank=True)
    extension_approved_by = models.CharField(_("延期批准人"), max_length=100, blank=True)
    manual_due_on = models.DateField(_("另行确定的答复期限"), null=True, blank=True)
    manual_due_reason = models.TextField(_("另行确定期限的理由"), blank=True)
    due_on = models.DateField(_("答复期限"), null=True, blank=True, db_index=True)
    due_provisional = models.BooleanField(_("期限为暂定"), default=False)
    # The state and the result.
    status = models.CharField(_("状态"), max_length=30, choices=Status.choices,
                              default=Status.PENDING, db_index=True)
    outcome = models.CharField(_("办理结果"), max_length=5, choices=Outcome.choices,
                               blank=True)
    outcome_reasons = models.TextField(_("理由"), blank=True)
    legal_basis = models.TextField(_("法律依据"), blank=True)
    replied_on = models.DateField(_("答复日期"), null=True, blank=True,
                                  help_text=_("作出答复决定之日，答复书落款日期。"))
    reply_entered_on = models.DateField(_("答复录入日期"), null=True, blank=True)
    backdate_reason = models.TextField(_("补录理由"), blank=True,
                                       help_text=_("答复日期早于录入日期时必填。"))
    reply_variant = models.CharField(_("答复情形"), max_length=20, blank=True)
    published_where = models.TextField(_("已主动公开的位置"), blank=True,
                                       help_text=_("第三十六条第（一）项：获取该政府信息的方式和途径。"))
    provide_how = models.TextField(_("提供方式、途径和时间"), blank=True)
    other_agency = models.CharField(_("负责公开的行政机关"), max_length=200, blank=True)
    other_agency_contact = models.CharField(_("该机关的联系方式"), max_length=200, blank=True)
    delivery_method = models.CharField(_("送达方式"), max_length=50, blank=True)
    delivered_on = models.DateField(_("送达日期"), null=True, blank=True)
    archived_at = models.DateTimeField(_("归档时间"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["number"], condition=~Q(number=""),
                                    name="foi_number_unique"),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "processing", "awaiting_supplement",
                                        "consulting", "awaiting_payment"])
                | ~Q(outcome=""),
                name="foi_closed_has_outcome",
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(received_on__isnull=False),
                name="foi_received_has_date",
            ),
        ]
        indexes = [models.Index(fields=["unit", "status", "due_on"])]

    def __str__(self) -> str:
        return self.number or f"#{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class NumberingRule(models.Model):
    """A unit's settings for disclosure applications: the registration-number pattern
    (e.g. 埔政务依申〔{year}〕第{seq:04d}号), its own 文号 sequence for letters, and the
    bodies its letters name for 复议 and 诉讼 (Art. 51)."""

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="foi_numbering")
    pattern = models.CharField(_("登记编号格式"), max_length=100,
                               default="{unit}依申〔{year}〕第{seq:04d}号",
                               help_text=_("可用 {unit} 单位简称、{year} 年份、{seq:04d} 当年流水号。"
                                           "各单位编号须互不相同。"))
    letter_pattern = models.CharField(
        _("文书文号格式"), max_length=100, blank=True,
        help_text=_("本单位告知书、答复书的发文字号，如 {unit}依申复〔{year}〕{seq}号；"
                    "留空则文书不印文号（登记编号另行注明）。"))
    reconsideration_body = models.CharField(
        _("行政复议机关"), max_length=300, blank=True,
        help_text=_("答复书告知的行政复议机关名称（及地址），如“广州市黄埔区人民政府”。"))
    court = models.CharField(_("管辖法院"), max_length=300, blank=True,
                             help_text=_("答复书告知的提起行政诉讼的人民法院名称。"))
    fee_payment = models.TextField(
        _("信息处理费缴纳方式"), blank=True,
        help_text=_("收费通知书写明的缴纳方式，如非税收入缴款渠道、账户、缴款码的取得方式。"))

    class Meta:
        verbose_name = _("依申请公开办理设置")
        verbose_name_plural = _("依申请公开办理设置")

    def __str__(self) -> str:
        return f"{self.unit}: {self.pattern}"


class NumberSequence(models.Model):
    """Last number used by a unit in a year, per series: registration numbers and the
    unit's letter 文号 are separate sequences."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    series = models.CharField(max_length=20, default="registration")
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "series"],
                                    name="foi_sequence_once_per_series"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.year}: {self.last}"


class Supplement(models.Model):
    """A request to supplement or correct (补正, Art. 30) and its answer."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="supplements")
    requested_on = models.DateField(_("告知日期"))
    items = models.TextField(_("需补正的事项"))
    reply_by = models.DateField(_("补正期限"))
    received_on = models.DateField(_("补正收到日期"), null=True, blank=True)
    content = models.TextField(_("补正内容"), blank=True)

    class Meta:
        verbose_name = _("补正")
        verbose_name_plural = _("补正")
        ordering = ["requested_on", "id"]

    def __str__(self) -> str:
        return f"{self.application} 补正 {self.requested_on}"


class PauseKind(models.TextChoices):
    THIRD_PARTY = "third_party", _("征求第三方意见")
    AGENCY = "agency", _("征求其他机关意见")
    FEE = "fee", _("收费通知")


class Pause(models.Model):
    """Time not counted (Art. 32–34; fee notices): from the letter to the answer."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="pauses")
    kind = models.CharField(_("事由"), max_length=20, choices=PauseKind.choices)
    party = models.CharField(_("对象"), max_length=200, blank=True)
    started_on = models.DateField(_("发出日期"))
    answer_by = models.DateField(_("答复期限"), null=True, blank=True)
    ended_on = models.DateField(_("答复/缴费日期"), null=True, blank=True)
    result = models.TextField(_("意见或结果"), blank=True)

    class Meta:
        verbose_name = _("暂停计算")
        verbose_name_plural = _("暂停计算")
        ordering = ["started_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="foi_pause_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.started_on}"


class FeeBasis(models.TextChoices):
    PER_APPLICATION = "per_application", _("按件计收")
    PER_VOLUME = "per_volume", _("按量计收")


class Fee(models.Model):
    """An information-processing fee (国办函〔2020〕109号): one basis per application."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE,
                                       related_name="fee")
    basis = models.CharField(_("计收方式"), max_length=20, choices=FeeBasis.choices)
    quantity = models.PositiveIntegerField(_("当月申请件数或页数"))
    calculated_yuan = models.PositiveIntegerField(_("计算金额（元）"))
    amount_yuan = models.PositiveIntegerField(_("收费金额（元）"))
    adjustment_reason = models.TextField(_("调整理由"), blank=True)
    notice_on = models.DateField(_("通知日期"))
    notice_received_on = models.DateField(_("申请人收到通知日期"), null=True, blank=True)
    pay_by = models.DateField(_("缴费期限"))
    paid_on = models.DateField(_("缴费日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("信息处理费")
        verbose_name_plural = _("信息处理费")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_yuan=models.F("calculated_yuan")) | ~Q(adjustment_reason=""),
                name="foi_fee_adjustment_has_reason",
            ),
            # 109号: the standard may be reduced or waived, never exceeded.
            models.CheckConstraint(condition=Q(amount_yuan__lte=models.F("calculated_yuan")),
                                   name="foi_fee_never_above_standard"),
        ]

    def __str__(self) -> str:
        return f"{self.application} ¥{self.amount_yuan}"


class CoHandling(models.Model):
    """Another unit asked to help (协办)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="co_handlings")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="foi_co_handlings")
    requested_on = models.DateField(_("发函日期"))
    answered_on = models.DateField(_("回复日期"), null=True, blank=True)
    answer = models.TextField(_("回复意见"), blank=True)

    class Meta:
        verbose_name = _("协办")
        verbose_name_plural = _("协办")
        constraints = [
            models.UniqueConstraint(fields=["application", "unit"], name="foi_co_handle_once"),
        ]

    def __str__(self) -> str:
        return f"{self.application} 协办 {self.unit}"


class LetterTemplate(models.Model):
    """The wording of each letter, editable by the office administrator."""

    kind = models.CharField(_("文书"), max_length=20, choices=LetterKind.choices)
    outcome = models.CharField(_("适用结果"), max_length=5, choices=Outcome.choices,
                               blank=True, help_text=_("仅答复书按办理结果区分。"))
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文模板"), help_text=_("可用占位符见说明，如 {applicant_name}。"))

    class Meta:
        verbose_name = _("文书模板")
        verbose_name_plural = _("文书模板")
        constraints = [
            models.UniqueConstraint(fields=["kind", "outcome"], name="foi_template_once"),
        ]

    def __str__(self) -> str:
        return self.title


def letter_path(instance: "Letter", filename: str) -> str:
    return f"foi/{instance.application_id}/{filename}"


class Letter(models.Model):
    """A generated document kept with the application (its file is the record)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="letters")
    kind = models.CharField(_("文书"), max_length=20, choices=LetterKind.choices)
    title = models.CharField(_("标题"), max_length=200)
    doc_number = models.CharField(_("文号"), max_length=100, blank=True)
    dated_on = models.DateField(_("落款日期"), null=True, blank=True,
                                help_text=_("文书所载决定或事项的日期，而非生成日期。"))
    file = models.FileField(_("文件"), upload_to=letter_path, max_length=300)
    pdf = models.FileField(_("PDF 文件"), upload_to=letter_path, max_length=300, blank=True)
    # The letter's content as rendered when it was generated, the source of its PDF
    # (made on first download, then kept): the PDF says exactly what the .docx says.
    html = models.TextField(blank=True, editable=False)
    visible_to_applicant = models.BooleanField(_("申请人可见"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("文书")
        verbose_name_plural = _("文书")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.title


def attachment_path(instance: "ReplyAttachment", filename: str) -> str:
    return f"foi/{instance.application_id}/attachments/{filename}"


class ReplyAttachment(models.Model):
    """A disclosed document provided with the reply (the letter's 附件), checked by
    content like evidence; the applicant downloads it with the letter."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="attachments")
    file = models.FileField(_("文件"), upload_to=attachment_path, max_length=300)
    name = models.CharField(_("文件名"), max_length=200)
    kind = models.CharField(_("类型"), max_length=20)
    size = models.PositiveIntegerField(_("大小（字节）"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("答复附件")
        verbose_name_plural = _("答复附件")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Appeal(models.Model):
    """A reconsideration or a lawsuit about an application (annual-report table 四)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="appeals")
    kind = models.CharField(_("类型"), max_length=30, choices=AppealKind.choices)
    filed_on = models.DateField(_("受理日期"))
    body = models.CharField(_("复议机关或法院"), max_length=200, blank=True)
    result = models.CharField(_("结果"), max_length=20, choices=AppealResult.choices,
                              default=AppealResult.PENDING)
    decided_on = models.DateField(_("审结日期"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)

    class Meta:
        verbose_name = _("复议诉讼")
        verbose_name_plural = _("复议诉讼")
        ordering = ["filed_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(result="pending", decided_on__isnull=True)
                | (~Q(result="pending") & Q(decided_on__isnull=False)),
                name="foi_appeal_decided_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filed_on}"
