"""Django admin for disclosure applications: the office edits the letter templates
(with a preview) and the numbering rules; applications are read-only here (they move
only through the workflow services) and personal data is masked unless
``can_see_personal_data`` allows it."""
from django.contrib import admin
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from gongkai.core.audit import record_event
from gongkai.core.docx import Table
from gongkai.core.downloads import DOCX
from gongkai.foi import masking
from gongkai.foi.codes import ApplicantType, Channel
from gongkai.foi.events import FoiEvent
from gongkai.foi.letters_defaults import PLACEHOLDERS, letter_templates_ensure
from gongkai.foi.models import Application, IdType, Letter, LetterTemplate, NumberingRule
from gongkai.foi.permissions import (
    applications_visible_to,
    can_manage_foi,
    can_see_personal_data,
)
from gongkai.foi.services.letters import fill, render_body, render_letter
from gongkai.orgs.models import Unit

PLACEHOLDER_HELP = _(
    "占位符写作 {名称}，生成文书时替换为申请的实际内容；未知的占位符原样保留，便于在预览中发现"
    "拼写错误。每行为一个段落；第一行以“：”结尾时作为主送对象（称谓）；连续若干行含“｜”时"
    "组成表格，第一行为表头；只由占位符组成且内容为空的行不输出。日期均以中文书写，暂定的"
    "答复期限带“（暂定）”。答复书须告知申请人申请行政复议（60日）和提起行政诉讼（6个月）的"
    "权利（《条例》第五十一条）。"
)


def _sample_application() -> Application:
    """An unsaved application with plausible data, for previews only."""
    unit = Unit.objects.filter(is_active=True, is_office=False).first() or Unit(
        name="区发展改革局")
    application = Application(
        unit=unit, number="埔依申〔2026〕第0001号", applicant_type=ApplicantType.NATURAL_PERSON,
        applicant_name="张小明", id_type=IdType.RESIDENT_ID, id_number="440106199001011234",
        phone="13812345678", email="zhangxm@example.cn", address="广州市黄埔区某某路1号",
        description="2025年本区老旧小区改造项目的资金安排文件", channel=Channel.ONLINE,
        form_wanted="电子数据", delivery_wanted="电子邮件",
        outcome_reasons="（此处为具体理由）", extension_reason="所申请信息数量较多，需要检索、汇总",
    )
    application.pk = 0
    return application


def _preview_lines(blocks):
    for block in blocks:
        if isinstance(block, Table):
            for row in [block.headers, *block.rows]:
                yield " ｜ ".join(row)
        else:
            yield from str(block).splitlines()


@admin.register(LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "outcome"]
    list_filter = ["kind"]
    search_fields = ["title", "body"]
    fields = ["kind", "outcome", "title", "body", "placeholders", "preview"]
    readonly_fields = ["placeholders", "preview"]

    def has_module_permission(self, request):
        return can_manage_foi(request.user)

    def has_view_permission(self, request, obj=None):
        return can_manage_foi(request.user)

    has_add_permission = has_module_permission

    def has_change_permission(self, request, obj=None):
        return can_manage_foi(request.user)

    has_delete_permission = has_change_permission

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "body" in form.base_fields:
            form.base_fields["body"].help_text = PLACEHOLDER_HELP
        return form

    def changelist_view(self, request, extra_context=None):
        # Every letter of foi-rules.md is listed for editing, even on a fresh install.
        if can_manage_foi(request.user):
            letter_templates_ensure()
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("可用占位符"))
    def placeholders(self, obj):
        return format_html(
            "<p>{}</p><table>{}</table>", PLACEHOLDER_HELP,
            format_html_join("", "<tr><td><code>{{{}}}</code></td><td>{}</td></tr>",
                             ((name, label) for name, label in PLACEHOLDERS.items())),
        )

    @admin.display(description=_("预览（示例申请）"))
    def preview(self, obj):
        if obj is None or not obj.pk:
            return _("保存后可预览。")
        from gongkai.foi.services.letters import letter_values

        values = letter_values(application=_sample_application(), kind=obj.kind,
                               outcome=obj.outcome)
        addressee, blocks = render_body(obj.body, values)
        paragraphs = format_html_join("", "<p>{}</p>",
                                      ((text,) for text in _preview_lines(blocks)))
        url = reverse("admin:foi_lettertemplate_preview", args=[obj.pk])
        return format_html('<div style="max-width:40rem"><h3>{}</h3><p>{}</p>{}</div>'
                           '<p><a href="{}">{}</a></p>', fill(obj.title, values), addressee,
                           paragraphs, url, _("下载示例 Word 文书"))

    def get_urls(self):
        own = [path("<int:pk>/preview.docx", self.admin_site.admin_view(self.preview_docx),
                    name="foi_lettertemplate_preview")]
        return own + super().get_urls()

    def preview_docx(self, request, pk: int):
        if not can_manage_foi(request.user):
            return HttpResponse(status=403)
        template = get_object_or_404(LetterTemplate, pk=pk)
        title, content = render_letter(application=_sample_application(), kind=template.kind,
                                       outcome=template.outcome, actor=request.user)
        response = HttpResponse(content, content_type=DOCX)
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"示例-{title}.docx")
        return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        record_event(obj=obj, action=FoiEvent.LETTER_TEMPLATE_UPDATED if change
                     else FoiEvent.LETTER_TEMPLATE_CREATED, actor=request.user,
                     details={"fields": form.changed_data, "kind": obj.kind,
                              "outcome": obj.outcome})


@admin.register(NumberingRule)
class NumberingRuleAdmin(admin.ModelAdmin):
    list_display = ["unit", "pattern", "letter_pattern", "reconsideration_body", "court"]
    search_fields = ["unit__name"]

    def has_module_permission(self, request):
        return can_manage_foi(request.user)

    def has_view_permission(self, request, obj=None):
        return can_manage_foi(request.user)

    def has_change_permission(self, request, obj=None):
        return can_manage_foi(request.user)

    has_add_permission = has_module_permission
    has_delete_permission = has_change_permission


def _personal(field: str, label: str, mask, *, show: bool):
    """A read-only admin column for one personal-data field, full or masked. The
    functions are built once per (field, show) so the admin sees the same callable
    in every list it compares."""
    def column(obj):
        value = getattr(obj, field)
        if field == "applicant_name" and not show:
            return masking.mask_applicant_name(obj)
        return value if show else mask(value)

    column.short_description = label
    column.__name__ = f"{field}_{'full' if show else 'masked'}"
    return column


_PERSONAL_SPEC = [
    ("applicant_name", _("申请人名称"), masking.mask_name),
    ("id_number", _("证件号码"), masking.mask_id_number),
    ("contact_person", _("联系人"), masking.mask_name),
    ("phone", _("联系电话"), masking.mask_phone),
    ("email", _("电子邮箱"), masking.mask_email),
    ("address", _("通信地址"), masking.mask_address),
    ("postal_code", _("邮政编码"), lambda value: "*" * len(value or "")),
]
PERSONAL_COLUMNS = {
    show: tuple(_personal(f, label, mask, show=show) for f, label, mask in _PERSONAL_SPEC)
    for show in (True, False)
}
PERSONAL_FIELDS = [f for f, _label, _mask in _PERSONAL_SPEC]


class LetterInline(admin.TabularInline):
    model = Letter
    extra = 0
    fields = ["title", "kind", "doc_number", "visible_to_applicant", "created_at", "download"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("下载"))
    def download(self, letter):
        return format_html('<a href="{}">{}</a>',
                           reverse("foi:letter_download", args=[letter.pk]), _("下载"))


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read-only: applications change only through the workflow services."""

    list_display = ["__str__", "unit", "status", "outcome", "submitted_at", "due_on"]
    list_filter = ["status", "outcome", "channel", "unit"]
    search_fields = ["number", "description"]
    exclude = PERSONAL_FIELDS
    inlines = [LetterInline]

    def get_queryset(self, request):
        return applications_visible_to(request.user).select_related("unit")

    def has_module_permission(self, request):
        user = request.user
        return user.is_authenticated and (user.is_office_admin or user.is_unit_staff)

    def has_view_permission(self, request, obj=None):
        if not self.has_module_permission(request):
            return False
        return obj is None or applications_visible_to(request.user).filter(pk=obj.pk).exists()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        show = obj is not None and can_see_personal_data(request.user, obj)
        return [*PERSONAL_COLUMNS[show]]

