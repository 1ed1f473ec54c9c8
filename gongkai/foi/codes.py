"""The closed lists of the Regulation and the annual-report template, as data."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicantType(models.TextChoices):
    """The columns of annual-report table 三."""

    NATURAL_PERSON = "natural", _("自然人")
    COMMERCIAL = "commercial", _("商业企业")
    RESEARCH = "research", _("科研机构")
    NON_PROFIT = "non_profit", _("社会公益组织")
    LEGAL_SERVICE = "legal_service", _("法律服务机构")
    OTHER_ORG = "other_org", _("其他")


class Channel(models.TextChoices):
    """How the application arrived; decides the date of receipt (Art. 31)."""

    ONLINE = "online", _("互联网渠道")
    IN_PERSON = "in_person", _("当面提交")
    REGISTERED_POST = "registered_post", _("需签收的邮寄")
    LETTER = "letter", _("平常信函")
    FAX = "fax", _("传真")


class Outcome(models.TextChoices):
    """Every closed application has exactly one (区分处理的只计"部分公开")."""

    DISCLOSED = "1", _("（一）予以公开")
    PARTLY = "2", _("（二）部分公开")
    WITHHELD_SECRET = "3.1", _("（三）不予公开 1.属于国家秘密")
    WITHHELD_LAW = "3.2", _("（三）不予公开 2.其他法律行政法规禁止公开")
    WITHHELD_SECURITY = "3.3", _("（三）不予公开 3.危及“三安全一稳定”")
    WITHHELD_THIRD_PARTY = "3.4", _("（三）不予公开 4.保护第三方合法权益")
    WITHHELD_INTERNAL = "3.5", _("（三）不予公开 5.属于三类内部事务信息")
    WITHHELD_PROCESS = "3.6", _("（三）不予公开 6.属于四类过程性信息")
    WITHHELD_ENFORCEMENT = "3.7", _("（三）不予公开 7.属于行政执法案卷")
    WITHHELD_QUERY = "3.8", _("（三）不予公开 8.属于行政查询事项")
    UNABLE_NOT_HELD = "4.1", _("（四）无法提供 1.本机关不掌握相关政府信息")
    UNABLE_NEEDS_MAKING = "4.2", _("（四）无法提供 2.没有现成信息需要另行制作")
    UNABLE_UNCLEAR = "4.3", _("（四）无法提供 3.补正后申请内容仍不明确")
    NOT_PROCESSED_PETITION = "5.1", _("（五）不予处理 1.信访举报投诉类申请")
    NOT_PROCESSED_REPEAT = "5.2", _("（五）不予处理 2.重复申请")
    NOT_PROCESSED_PUBLICATION = "5.3", _("（五）不予处理 3.要求提供公开出版物")
    NOT_PROCESSED_EXCESSIVE = "5.4", _("（五）不予处理 4.无正当理由大量反复申请")
    NOT_PROCESSED_CONFIRM = "5.5", _("（五）不予处理 5.要求行政机关确认或重新出具已获取信息")
    OTHER_NO_SUPPLEMENT = "6.1", _("（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理")
    OTHER_FEE_UNPAID = "6.2", _("（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理")
    OTHER = "6.3", _("（六）其他处理 3.其他")


class AppealKind(models.TextChoices):
    """The three blocks of annual-report table 四."""

    RECONSIDERATION = "reconsideration", _("行政复议")
    LITIGATION_DIRECT = "litigation_direct", _("行政诉讼（未经复议直接起诉）")
    LITIGATION_AFTER = "litigation_after", _("行政诉讼（复议后起诉）")


class AppealResult(models.TextChoices):
    UPHELD = "upheld", _("结果维持")
    CORRECTED = "corrected", _("结果纠正")
    OTHER = "other", _("其他结果")
    PENDING = "pending", _("尚未审结")


class LetterKind(models.TextChoices):
    """The documents the office produces (foi-rules.md)."""

    REGISTRATION = "registration", _("登记表")
    RECEIPT = "receipt", _("接收回执")
    SUPPLEMENT = "supplement", _("补正告知书")
    EXPLANATION = "explanation", _("说明理由告知书")
    EXTENSION = "extension", _("延期答复告知书")
    THIRD_PARTY = "third_party", _("第三方征求意见书")
    JOINT_AGENCY = "joint_agency", _("共同制作机关征求意见书")
    CO_HANDLING = "co_handling", _("协办函")
    FEE = "fee", _("收费通知书")
    REPLY = "reply", _("答复书")
