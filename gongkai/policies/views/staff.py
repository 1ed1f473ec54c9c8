"""The units' side of the policy library: their documents with status, writing and
editing drafts, attachments, interpretations, amendment and repeal, and submission for
review. Pages start from ``documents_manageable_by``: another unit's document answers
404, so nobody learns whether it exists. The office's lists (gazette, enterprises,
table 二) live in ``views.staff_lists``.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.core.actions import attempt
from gongkai.core.downloads import stored_file_response
from gongkai.core.errors import ApplicationError
from gongkai.core.params import parse_int
from gongkai.policies import permissions as perms
from gongkai.policies import services
from gongkai.policies.docnumber import parse_doc_number
from gongkai.policies.forms import (
    AttachmentForm,
    DocumentCreateForm,
    DocumentForm,
    InterpretationCreateForm,
    ValidityForm,
)
from gongkai.policies.lists import STAFF_DOCUMENTS
from gongkai.policies.models import DocumentAttachment, PolicyDocument
from gongkai.policies.selectors import with_validity
from gongkai.publishing.selectors.review import latest_review_of

_DOCUMENT_FIELDS = ("kind", "title", "doc_number", "index_number", "issuer_names",
                    "written_on", "published_on", "effective_on", "expires_on", "topic",
                    "category", "source_url", "source_name", "audience")


def _require_staff(user) -> None:
    if not perms.can_manage_documents(user):
        raise PermissionDenied


def _manageable(request, pk: int) -> PolicyDocument:
    _require_staff(request.user)
    return get_object_or_404(with_validity(perms.documents_manageable_by(request.user))
                             .select_related("unit", "author", "topic"), pk=pk)


@login_required
@require_GET
def staff_list(request):
    _require_staff(request.user)
    base = perms.documents_manageable_by(request.user)
    listing = STAFF_DOCUMENTS.read(request, with_validity(base).select_related("unit"),
                                   user=request.user, base=base)
    return render(request, "policies/staff_list.html", {
        "listing": listing, "documents": listing.page.object_list})


def _document_values(data: dict) -> dict:
    values = {name: data[name] for name in _DOCUMENT_FIELDS}
    values["doc_number"] = values["doc_number"] or ""
    return values


@login_required
@require_http_methods(["GET", "POST"])
def document_create(request):
    _require_staff(request.user)
    form = DocumentCreateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        document = attempt(request, lambda: services.document_create(
            unit=request.user.unit, author=request.user, body_html=data["body_html"],
            issuers=list(data["issuers"]), audience_units=list(data["audience_units"]),
            attachments=data["attachments"], **_document_values(data)),
            success=_("已保存为草稿。"))
        if document.ok:
            return redirect("policies:document_detail", pk=document.value.pk)
    return render(request, "policies/staff_document_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def document_edit(request, pk: int):
    document = _manageable(request, pk)
    if not perms.can_edit_document(request.user, document):
        messages.error(request, _("该文件当前状态不能修改。"))
        return redirect("policies:document_detail", pk=pk)
    form = DocumentForm.for_document(document, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if attempt(request, lambda: services.document_update(
                document=document, actor=request.user, body_html=data["body_html"],
                issuers=list(data["issuers"]), audience_units=list(data["audience_units"]),
                version=form.opened_version(), **_document_values(data)),
                conflict=form, success=_("已保存。")).ok:
            return redirect("policies:document_detail", pk=pk)
    return render(request, "policies/staff_document_form.html",
                  {"form": form, "document": document})


def _other_document(user, value: str) -> PolicyDocument:
    """The amending/repealing document, by id or 文号, among what ``user`` may read."""
    candidates = perms.documents_manageable_by(user) | perms.documents_visible_to(user)
    number = parse_doc_number(value)
    if number is not None:
        found = candidates.filter(issuer_code=number.issuer_code, doc_year=number.year,
                                  doc_serial=number.serial).first()
    else:
        pk = parse_int(value)
        found = candidates.filter(pk=pk).first() if pk is not None else None
    if found is None:
        raise ApplicationError(_("找不到文件“%(value)s”。") % {"value": value})
    return found


def _change_validity(request, document: PolicyDocument) -> str:
    if not perms.can_change_validity(request.user, document):
        raise PermissionDenied
    form = ValidityForm(request.POST)
    if not form.is_valid():
        raise ApplicationError(_("请填写修改或废止它的文件。"))
    by = _other_document(request.user, form.cleaned_data["by"])
    if request.POST["action"] == "amend":
        services.document_amend(document=document, by=by, actor=request.user)
        return _("已登记：本文件被《%(by)s》修改。") % {"by": by.title}
    services.document_repeal(document=document, by=by, actor=request.user)
    return _("已登记：本文件被《%(by)s》废止。") % {"by": by.title}


def _attach(request, document: PolicyDocument) -> str:
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        raise ApplicationError(_("请选择要上传的附件。"))
    added = services.attachments_add(document=document,
                                     files=form.cleaned_data["attachments"], actor=request.user)
    return _("已上传 %(n)s 个附件。") % {"n": len(added)}


def _remove_attachment(request, document: PolicyDocument) -> str:
    attachment = get_object_or_404(document.attachments, pk=request.POST.get("attachment"))
    services.attachment_remove(attachment=attachment, actor=request.user)
    return _("附件已删除。")


def _submit(request, document: PolicyDocument) -> str:
    from gongkai.publishing.services import content_submit_for_review
    from gongkai.publishing.services.scan import open_findings_of

    review = content_submit_for_review(obj=document, actor=request.user)
    said = _("已提交审核（共 %(n)s 级审核），审核通过后公开。") % {"n": review.levels_required}
    findings = open_findings_of(document).count()
    if findings:
        # The scan's findings do not stop the submission, but the author must know.
        said += _("敏感信息扫描发现 %(n)s 处需要核对的内容，审核人须逐一处理后才能通过，"
                  "可点击“审核与敏感信息”查看。") % {"n": findings}
    return said


# action → (permission predicate, handler)
_ACTIONS = {
    "amend": (perms.can_change_validity, _change_validity),
    "repeal": (perms.can_change_validity, _change_validity),
    "attach": (perms.can_edit_document, _attach),
    "remove_attachment": (perms.can_edit_document, _remove_attachment),
    "submit": (perms.can_submit_document, _submit),
}


def _detail_action(request, document: PolicyDocument) -> str:
    """Run the posted action and say what was done; raises ApplicationError with a
    message to show."""
    allowed, handler = _ACTIONS.get(request.POST.get("action", ""), (None, None))
    if handler is None:
        raise ApplicationError(_("未知的操作。"))
    if not allowed(request.user, document):
        raise PermissionDenied
    return handler(request, document)


@login_required
@require_http_methods(["GET", "POST"])
def document_detail(request, pk: int):
    document = _manageable(request, pk)
    if request.method == "POST":
        attempt(request, lambda: _detail_action(request, document), success=lambda done: done)
        return redirect("policies:document_detail", pk=pk)
    return render(request, "policies/staff_document_detail.html", {
        "document": document,
        "attachments": document.attachments.all(),
        "interpretations": with_validity(document.interpretations.all()),
        "can_edit": perms.can_edit_document(request.user, document),
        "can_submit": perms.can_submit_document(request.user, document),
        "review": latest_review_of(document),
        "can_change_validity": perms.can_change_validity(request.user, document),
        "attachment_form": AttachmentForm(), "validity_form": ValidityForm(),
    })


@login_required
@require_GET
def attachment_download(request, pk: int):
    attachment = get_object_or_404(DocumentAttachment.objects.select_related("document"),
                                   pk=pk)
    if not perms.can_manage_documents(request.user) or not perms.documents_manageable_by(
            request.user).filter(pk=attachment.document_id).exists():
        raise Http404
    return stored_file_response(attachment.file, filename=attachment.original_name,
                                content_type=attachment.mime_type)


@login_required
@require_http_methods(["GET", "POST"])
def interpretation_create(request, pk: int):
    document = _manageable(request, pk)
    if not perms.can_create_for_unit(request.user, document.unit):
        raise Http404
    form = InterpretationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        interpretation = attempt(request, lambda: services.interpretation_create(
            document=document, author=request.user, unit=document.unit,
            **form.cleaned_data), success=_("解读已保存为草稿，请与文件一并提交审核（三同步）。"))
        if interpretation.ok:
            return redirect("policies:document_detail", pk=interpretation.value.pk)
    return render(request, "policies/staff_interpretation_form.html",
                  {"form": form, "document": document})
