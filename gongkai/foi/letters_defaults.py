"""The default wording of every letter the office produces (foi-rules.md's list) and of
the reply (答复书) for each outcome code, citing 《中华人民共和国政府信息公开条例》.

The office edits the wording in the admin (``LetterTemplate``); these defaults only
fill rows that do not exist yet, so an administrator's edit is never overwritten.

Template syntax, also shown in the admin help text (``PLACEHOLDER_HELP``):
- ``{name}`` is replaced by the value of that name; unknown names stay visible as typed,
  so a misspelt placeholder shows up in the preview instead of vanishing.
- Each line is one paragraph. A first line ending in "：" is the addressee.
- A run of lines containing "｜" is a table; its first line is the header row.
- A line made only of placeholders that all turn out empty is dropped.
- A line starting with ``?{name}`` is kept (without that prefix) only when ``name`` has
  a value: how one letter per outcome states only the case that applies, e.g. 36(1)
  "already published, here is where" or 36(2) "provided to you", never both.
"""
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gongkai.foi.codes import LetterKind, Outcome

REGULATION = "《中华人民共和国政府信息公开条例》"

# Placeholders and what they hold (the admin help text lists them).
PLACEHOLDERS = {
    "applicant_name": _("申请人姓名或名称"),
    "applicant_type": _("申请人类型"),
    "id_type": _("证件类型"),
    "id_number": _("证件号码（仅用于登记表）"),
    "contact_person": _("联系人"),
    "phone": _("联系电话"),
    "email": _("电子邮箱"),
    "address": _("通信地址"),
    "number": _("登记编号（尚未登记时为回执号）"),
    "receipt_number": _("回执号"),
    "query_code": _("查询码"),
    "channel": _("提交方式"),
    "submitted_on": _("提交日期"),
    "received_on": _("收到申请日期（尚未确认时为“待确认”）"),
    "description": _("所需政府信息的描述"),
    "purpose": _("用途"),
    "form_wanted": _("申请人要求的载体形式"),
    "delivery_wanted": _("申请人要求的获取方式"),
    "due_on": _("答复期限（暂定的期限带“（暂定）”）"),
    "extension_reason": _("延期理由"),
    "items": _("需补正或说明的事项"),
    "reply_by": _("补正或说明理由的期限"),
    "amount_yuan": _("信息处理费金额（元）"),
    "fee_basis": _("计收方式（按件/按量）"),
    "fee_quantity": _("当月申请件数或页数"),
    "pay_by": _("缴费期限"),
    "party": _("第三方、共同制作机关或协办单位名称"),
    "answer_by": _("征求意见或协办的答复期限"),
    "outcome": _("办理结果"),
    "outcome_reasons": _("理由"),
    "legal_basis": _("法律依据（未填写时为该办理结果的默认依据）"),
    "delivery_method": _("送达方式"),
    "unit_name": _("办理单位名称"),
    "actor_name": _("经办人"),
    "today": _("今天的日期"),
    "decided_on": _("文书落款日期（决定或事项的日期）"),
    "reconsideration_body": _("行政复议机关（依申请公开办理设置）"),
    "court": _("管辖法院（依申请公开办理设置）"),
    "published_where": _("已主动公开信息的获取方式和途径（第三十六条第（一）项）"),
    "provide_how": _("提供信息的方式、途径和时间（第三十六条第（二）项）"),
    "attachments": _("随答复提供的附件名称"),
    "not_exist": _("“不存在”情形的标记（第三十六条第（四）项）"),
    "not_ours": _("“不属于本机关负责公开”情形的标记（第三十六条第（五）项）"),
    "other_agency": _("负责公开该信息的行政机关"),
    "other_agency_contact": _("该行政机关的联系方式"),
    "supplement_requested_on": _("补正告知日期"),
    "supplement_received_on": _("收到补正日期"),
    "fee_rates": _("适用的收费标准（分档）"),
    "fee_payment": _("缴纳方式（依申请公开办理设置）"),
    "fee_received_on": _("申请人收到收费通知的日期"),
}

_INTRO = (
    "{applicant_name}：\n"
    "本机关于{received_on}收到您（单位）提出的政府信息公开申请（登记编号：{number}），"
    "申请获取的政府信息为：{description}\n"
)

_RIGHTS = (
    f"如您（单位）对本答复不服，根据{REGULATION}第五十一条、《中华人民共和国行政复议法》"
    "第二十条和《中华人民共和国行政诉讼法》第四十六条的规定，可以自收到本答复之日起60日内"
    "向{reconsideration_body}申请行政复议，或者自收到本答复之日起6个月内向{court}提起行政诉讼。\n"
    "特此答复。"
)

_WITHHELD = (
    f"经审查，您（单位）申请获取的政府信息{{ground}}。根据{REGULATION}{{articles}}"
    "及第三十六条第（三）项的规定，本机关决定不予公开。\n"
    "{{outcome_reasons}}\n"
    "法律依据：{{legal_basis}}\n"
)

# code → (the paragraph that decides, the default legal basis).
_REPLIES: dict[str, tuple[str, str]] = {
    Outcome.DISCLOSED: (
        "?{published_where}经审查，您（单位）申请获取的政府信息本机关已经主动公开。根据"
        f"{REGULATION}第三十六条第（一）项的规定，现告知获取该政府信息的方式和途径："
        "{published_where}\n"
        "?{provide_how}经审查，您（单位）申请获取的政府信息属于公开范围。根据"
        f"{REGULATION}第三十六条第（二）项的规定，本机关予以公开，{{provide_how}}\n"
        "?{attachments}附件：{attachments}\n"
        "{outcome_reasons}\n",
        f"{REGULATION}第三十六条",
    ),
    Outcome.PARTLY: (
        "经审查，您（单位）申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，"
        f"但是能够作区分处理。根据{REGULATION}第三十七条的规定，本机关向您（单位）提供可以"
        "公开的政府信息内容，{provide_how}对不予公开的内容，说明理由如下：\n"
        "{outcome_reasons}\n"
        "法律依据：{legal_basis}\n"
        "?{attachments}附件：{attachments}\n",
        f"{REGULATION}第三十七条、第三十六条第（三）项",
    ),
    Outcome.WITHHELD_SECRET: (
        _WITHHELD.format(ground="属于国家秘密", articles="第十四条"),
        f"{REGULATION}第十四条、第三十六条第（三）项",
    ),
    Outcome.WITHHELD_LAW: (
        _WITHHELD.format(ground="属于法律、行政法规禁止公开的政府信息",
                         articles="第十四条"),
        f"{REGULATION}第十四条、第三十六条第（三）项",
    ),
    Outcome.WITHHELD_SECURITY: (
        _WITHHELD.format(ground="公开后可能危及国家安全、公共安全、经济安全、社会稳定",
                         articles="第十四条"),
        f"{REGULATION}第十四条、第三十六条第（三）项",
    ),
    Outcome.WITHHELD_THIRD_PARTY: (
        _WITHHELD.format(ground="涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，"
                         "且第三方不同意公开，不公开不会对公共利益造成重大影响",
                         articles="第十五条、第三十二条"),
        f"{REGULATION}第十五条、第三十二条、第三十六条第（三）项",
    ),
    Outcome.WITHHELD_INTERNAL: (
        _WITHHELD.format(ground="属于人事管理、后勤管理、内部工作流程等方面的内部事务信息",
                         articles="第十六条第一款"),
        f"{REGULATION}第十六条第一款、第三十六条第（三）项",
    ),
    Outcome.WITHHELD_PROCESS: (
        _WITHHELD.format(ground="属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、"
                         "磋商信函、请示报告等过程性信息", articles="第十六条第二款"),
        f"{REGULATION}第十六条第二款、第三十六条第（三）项",
    ),
    Outcome.WITHHELD_ENFORCEMENT: (
        _WITHHELD.format(ground="属于行政执法案卷信息", articles="第十六条第二款"),
        f"{REGULATION}第十六条第二款、第三十六条第（三）项",
    ),
    Outcome.WITHHELD_QUERY: (
        "经审查，您（单位）申请获取的信息属于行政查询事项，有关法律、行政法规对该信息的"
        f"获取有特别规定。根据{REGULATION}第三十六条第（七）项的规定，请您（单位）依照有关"
        "法律、行政法规的规定，向相关登记、查询机构申请查询。\n"
        "{outcome_reasons}\n"
        "法律依据：{legal_basis}\n",
        f"{REGULATION}第三十六条第（七）项",
    ),
    Outcome.UNABLE_NOT_HELD: (
        "?{not_exist}经检索，本机关未制作或者获取您（单位）所申请的政府信息。根据"
        f"{REGULATION}第三十六条第（四）项的规定，告知您（单位）该政府信息不存在。\n"
        "?{not_ours}经审查，您（单位）所申请的政府信息不属于本机关负责公开。根据"
        f"{REGULATION}第三十六条第（五）项的规定，说明理由如下：\n"
        "{outcome_reasons}\n"
        "?{other_agency}负责公开该政府信息的行政机关为{other_agency}，联系方式："
        "{other_agency_contact}。\n"
        "法律依据：{legal_basis}\n",
        f"{REGULATION}第三十六条",
    ),
    Outcome.UNABLE_NEEDS_MAKING: (
        "经审查，本机关没有您（单位）所申请的现成政府信息，提供该信息需要本机关对现有政府"
        f"信息进行加工、分析或者另行制作。根据{REGULATION}第三十八条的规定，本机关不予提供。\n"
        "{outcome_reasons}\n"
        "法律依据：{legal_basis}\n",
        f"{REGULATION}第三十八条",
    ),
    Outcome.UNABLE_UNCLEAR: (
        f"本机关于{{supplement_requested_on}}依照{REGULATION}第三十条的规定一次性告知您（单位）"
        "补正申请，并于{supplement_received_on}收到补正后的申请，但补正后的申请内容仍不明确，"
        "本机关无法确定您（单位）所申请的政府信息，因此无法提供。您（单位）可以在明确所需"
        "政府信息的名称、文号或者便于查询的其他特征性描述后重新提出申请。\n"
        "{outcome_reasons}\n"
        "法律依据：{legal_basis}\n",
        f"{REGULATION}第二十九条第二款、第三十条",
    ),
    Outcome.NOT_PROCESSED_PETITION: (
        "经审查，您（单位）以政府信息公开申请的形式提出的内容属于信访、投诉、举报等事项。"
        f"根据{REGULATION}第三十九条第一款的规定，本机关不作为政府信息公开申请处理，"
        "请您（单位）通过信访、投诉、举报等相应渠道提出。\n"
        "{outcome_reasons}\n"
        "法律依据：{legal_basis}\n",
        f"{REGULATION}第三十九条第一款",
    ),
    Outcome.NOT_PROCESSED_REPEAT: (
        "经审查，本机关已就您（单位）提出的政府信息公开申请作出答复，您（单位）本次重复"
        f"申请公开相同的政府信息。根据{REGULATION}第三十六条第（六）项的规定，本机关不予"
        "重复处理。\n"
        "{outcome_reasons}\n"
        "法律依据：{legal_basis}\n",
        f"{REGULATION}第三十六条第（六）项",
    ),
    Outcome.NOT_PROCESSED_PUBLICATION: (
        "经审查，您（单位）申请的内容为要求本机关提供政府公报、报刊、书籍等公开出版物。"
        f"根据{REGULATION}第三十九条第二款的规定，本机关不作为政府信息公开申请处理，"
        "现告知获取途径如下：\n"
        "{outcome_reasons}\n"
        "法律依据：{legal_basis}\n",
        f"{REGULATION}第三十九条第二款",
    ),
    Outcome.NOT_PROCESSED_EXCESSIVE: (
        "经审查，您（单位）申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您"
        f"（单位）说明理由，您（单位）未说明理由或者理由不合理。根据{REGULATION}第三十五条"
        "的规定，本机关不予处理。\n"
        "{outcome_reasons}\n"
        "法律依据：{legal_basis}\n",
        f"{REGULATION}第三十五条",
    ),
    Outcome.NOT_PROCESSED_CONFIRM: (
        "经审查，您（单位）申请的内容为要求本机关确认或者重新出具您（单位）已经获取的信息，"
        f"不属于{REGULATION}所规定的获取政府信息的申请。根据该条例第二条、第三十八条的规定，"
        "本机关不作为政府信息公开申请处理。\n"
        "{outcome_reasons}\n"
        "法律依据：{legal_basis}\n",
        f"{REGULATION}第二条、第三十八条",
    ),
    Outcome.OTHER_NO_SUPPLEMENT: (
        f"本机关已依照{REGULATION}第三十条的规定书面告知您（单位）补正申请，补正期限为"
        "{reply_by}。您（单位）无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府"
        "信息公开申请。\n"
        "{outcome_reasons}\n"
        "法律依据：{legal_basis}\n",
        f"{REGULATION}第三十条",
    ),
    Outcome.OTHER_FEE_UNPAID: (
        "本机关已向您（单位）发出收费通知，缴费期限为{pay_by}。您（单位）逾期未按收费通知的"
        f"要求缴纳信息处理费，根据{REGULATION}第四十二条和《政府信息公开信息处理费管理办法》"
        "（国办函〔2020〕109号）的规定，视为放弃申请，本机关不再处理该政府信息公开申请。\n"
        "{outcome_reasons}\n"
        "法律依据：{legal_basis}\n",
        f"{REGULATION}第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
    ),
    Outcome.OTHER: (
        "经审查，本机关对您（单位）的申请作如下处理：\n"
        "{outcome_reasons}\n"
        "法律依据：{legal_basis}\n",
        "",
    ),
}

DEFAULT_LEGAL_BASIS = {code: basis for code, (_text, basis) in _REPLIES.items()}

_LETTERS: dict[str, tuple[str, str]] = {
    LetterKind.REGISTRATION: (
        "政府信息公开申请登记表",
        "项目｜内容\n"
        "登记编号｜{number}\n"
        "申请人类型｜{applicant_type}\n"
        "申请人姓名或名称｜{applicant_name}\n"
        "证件类型｜{id_type}\n"
        "证件号码｜{id_number}\n"
        "联系人｜{contact_person}\n"
        "联系电话｜{phone}\n"
        "电子邮箱｜{email}\n"
        "通信地址｜{address}\n"
        "提交方式｜{channel}\n"
        "提交日期｜{submitted_on}\n"
        "收到申请日期｜{received_on}\n"
        "所需政府信息的描述｜{description}\n"
        "用途｜{purpose}\n"
        "载体形式｜{form_wanted}\n"
        "获取方式｜{delivery_wanted}\n"
        "答复期限｜{due_on}\n"
        "办理单位｜{unit_name}\n"
        f"收到申请日期依照{REGULATION}第三十一条确定；答复期限依照第三十三条计算。\n"
        "登记人：{actor_name}　登记日期：{today}",
    ),
    LetterKind.RECEIPT: (
        "政府信息公开申请接收回执",
        "{applicant_name}：\n"
        "您（单位）于{submitted_on}通过{channel}提交的政府信息公开申请已收到，回执号为"
        "{receipt_number}，查询码为{query_code}。申请获取的政府信息为：{description}\n"
        f"本机关收到申请的日期依照{REGULATION}第三十一条确定：{{received_on}}。本机关将依照"
        "该条例第三十三条的规定，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，"
        "经政府信息公开工作机构负责人同意并告知您（单位），延长的期限最长不超过20个工作日。"
        "依照该条例第三十条规定补正的，答复期限自收到补正后的申请之日起计算；征求第三方和"
        "其他机关意见所需时间不计算在答复期限内。答复期限：{due_on}。\n"
        "您（单位）可以凭查询码和证件号码后四位在本平台查询办理进度、查看本机关发出的文书。\n"
        "特此回执。",
    ),
    LetterKind.SUPPLEMENT: (
        "政府信息公开申请补正告知书",
        _INTRO
        + "经审查，您（单位）的申请内容不明确。根据"
        f"{REGULATION}第三十条的规定，现一次性告知您（单位）需要补正的事项如下：\n"
        "{items}\n"
        "请您（单位）于{reply_by}前通过本平台在线补正，或者以书面形式向本机关提交补正后的"
        "申请。答复期限自本机关收到补正后的申请之日起重新计算。无正当理由逾期不补正的，"
        "视为放弃申请，本机关不再处理该政府信息公开申请。\n"
        "特此告知。",
    ),
    LetterKind.EXPLANATION: (
        "政府信息公开申请说明理由告知书",
        _INTRO
        + "经审查，您（单位）申请公开政府信息的数量、频次明显超过合理范围。根据"
        f"{REGULATION}第三十五条的规定，请您（单位）于{{reply_by}}前向本机关书面说明申请理由。\n"
        "{items}\n"
        "本机关认为申请理由不合理的，将告知您（单位）不予处理；认为申请理由合理，但是无法在"
        "该条例第三十三条规定的期限内答复的，将确定延迟答复的合理期限并告知您（单位）。\n"
        "特此告知。",
    ),
    LetterKind.EXTENSION: (
        "政府信息公开申请延期答复告知书",
        _INTRO
        + "因{extension_reason}，本机关无法在规定期限内作出答复。根据"
        f"{REGULATION}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，"
        "答复期限延长20个工作日，本机关将于{due_on}前作出答复。\n"
        "特此告知。",
    ),
    LetterKind.THIRD_PARTY: (
        "政府信息公开第三方征求意见书",
        "{party}：\n"
        "本机关于{received_on}收到政府信息公开申请（登记编号：{number}），申请获取的政府"
        "信息为：{description}\n"
        f"经审查，公开该政府信息可能损害你方的合法权益。根据{REGULATION}第三十二条的规定，"
        "现书面征求你方意见。请你方自收到本意见书之日起15个工作日内（即{answer_by}前）"
        "提出书面意见；逾期未提出意见的，由本机关依照该条例的规定决定是否公开。\n"
        "你方不同意公开的，请说明理由。第三方不同意公开且有合理理由的，本机关不予公开；"
        "本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的"
        "政府信息内容和理由书面告知你方。\n"
        "特此征求意见。",
    ),
    LetterKind.JOINT_AGENCY: (
        "政府信息公开共同制作机关征求意见书",
        "{party}：\n"
        "本机关于{received_on}收到{applicant_name}提出的政府信息公开申请（登记编号：{number}），"
        "申请获取的政府信息为：{description}\n"
        f"该政府信息由本机关与贵单位共同制作。根据{REGULATION}第三十四条的规定，现征求贵单位"
        "意见。请贵单位自收到本意见书之日起15个工作日内（即{answer_by}前）提出意见；逾期"
        "未提出意见的，视为同意公开。依照该条例第三十三条第三款的规定，征求意见所需时间"
        "不计算在答复期限内。\n"
        "特此征求意见。",
    ),
    LetterKind.CO_HANDLING: (
        "政府信息公开申请协办函",
        "{party}：\n"
        "本机关于{received_on}收到{applicant_name}提出的政府信息公开申请（登记编号：{number}），"
        "申请获取的政府信息为：{description}\n"
        "该申请涉及贵单位职责范围内的政府信息。为依照"
        f"{REGULATION}第三十三条规定的期限作出答复，请贵单位协助办理，于{{answer_by}}前将"
        "相关政府信息或者书面意见反馈本机关。本申请的答复期限为{due_on}。\n"
        "特此函告。",
    ),
    LetterKind.FEE: (
        "政府信息公开信息处理费收费通知书",
        _INTRO
        + "鉴于您（单位）申请公开政府信息的数量、频次明显超过合理范围，根据"
        f"{REGULATION}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
        "的规定，本机关依法收取信息处理费。计收方式为{fee_basis}，计费数量为{fee_quantity}，"
        "按下列标准计算：\n"
        "{fee_rates}\n"
        "应缴纳信息处理费{amount_yuan}元。\n"
        "缴纳方式：{fee_payment}\n"
        "请您（单位）自收到本通知次日起20个工作日内缴纳。本通知于{fee_received_on}送达的，"
        "缴费期限至{pay_by}。自本机关发出收费通知至您（单位）缴费之日的期间，不计算在答复"
        "期限内。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。\n"
        "特此通知。",
    ),
}

REPLY_TITLE = "政府信息公开申请答复书"


def default_template(kind: str, outcome: str = "") -> tuple[str, str]:
    """(title, body) of the default wording; a reply needs its outcome code."""
    if kind == LetterKind.REPLY:
        decision = _REPLIES[Outcome(outcome)][0]
        return REPLY_TITLE, _INTRO + decision + _RIGHTS
    return _LETTERS[LetterKind(kind)]


def all_defaults() -> list[tuple[str, str, str, str]]:
    """Every (kind, outcome, title, body) the platform ships with."""
    rows = [(kind, "", *default_template(kind)) for kind in _LETTERS]
    rows += [(LetterKind.REPLY, code, *default_template(LetterKind.REPLY, code))
             for code in _REPLIES]
    return rows


@transaction.atomic
def letter_templates_ensure() -> int:
    """Create the template rows that do not exist yet; return how many were created.
    Existing rows (an administrator's wording) are left exactly as they are."""
    from gongkai.foi.models import LetterTemplate

    existing = set(LetterTemplate.objects.values_list("kind", "outcome"))
    missing = [
        LetterTemplate(kind=str(kind), outcome=str(outcome), title=title, body=body)
        for kind, outcome, title, body in all_defaults()
        if (str(kind), str(outcome)) not in existing
    ]
    LetterTemplate.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)
