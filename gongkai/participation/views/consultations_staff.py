"""The staff side of consultations: draft and edit, correct the article split, attach
materials, submit for review, decide comments (singly or by near-duplicate group),
generate the feedback report, submit it for review and download it.

Every page starts from ``consultations_visible_to``: another unit's consultation is a
404, whatever its state."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.actions import attempt
from gongkai.core.downloads import DOCX
from gongkai.participation import permissions as perms
from gongkai.participation.forms_consultations import (
    ArticleForm,
    AttachmentForm,
    ConsultationForm,
    DecisionForm,
    FeedbackForm,
)
from gongkai.participation.models import (
    CommentGroup,
    ConsultationArticle,
    ConsultationAttachment,
    ConsultationComment,
    FeedbackReport,
)
from gongkai.participation.selectors.consultations import (
    articles_with_counts,
    comment_counts,
    comments_for_handling,
)
from gongkai.participation.services import consultations as svc
from gongkai.participation.services.feedback import (
    feedback_docx,
    feedback_generate,
    summary_sentence,
)
from gongkai.publishing.permissions import EDITABLE
from gongkai.publishing.services import content_submit_for_review


def _consultation(request, pk: int):
    consultation = get_object_or_404(
        perms.consultations_visible_to(request.user).select_related("unit"), pk=pk)
    if not perms.can_manage_consultation(request.user, consultation):
        raise PermissionDenied
    return consultation


@login_required
def staff_list(request):
    if not perms.can_create_consultation(request.user):
        raise PermissionDenied
    consultations = perms.consultations_visible_to(request.user).select_related("unit")
    counts = comment_counts(consultations)
    today = timezone.localdate()
    rows = [(c, counts.get(c.pk, {"total": 0, "pending": 0}), c.is_open_on(today))
            for c in consultations]
    return render(request, "participation/consultation_staff_list.html", {"rows": rows})


@login_required
def staff_create(request):
    if not perms.can_create_consultation(request.user) or request.user.unit_id is None:
        raise PermissionDenied
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = attempt(request, lambda: svc.consultation_create(
            unit=request.user.unit, author=request.user, **form.cleaned_data),
            form=form, success=_("已保存草稿，条款已自动拆分，请核对。"))
        if created.ok:
            return redirect("participation:staff_consultation", pk=created.value.pk)
    return render(request, "participation/consultation_staff_form.html", {"form": form},
                  status=400 if form.errors else 200)


@login_required
def staff_detail(request, pk: int):
    consultation = _consultation(request, pk)
    return render(request, "participation/consultation_staff_detail.html", {
        "c": consultation, "articles": articles_with_counts(consultation),
        "attachments": consultation.attachments.all(),
        "editable": consultation.publication_status in EDITABLE,
        "warning": svc.period_warning(consultation.opens_on, consultation.closes_on),
        "attachment_form": AttachmentForm(),
        "feedback": getattr(consultation, "feedback", None),
    })


@login_required
def staff_edit(request, pk: int):
    consultation = _consultation(request, pk)
    form = ConsultationForm(request.POST or None, instance=consultation)
    if request.method == "POST" and form.is_valid():
        fresh = _consultation(request, pk)
        values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        saved = attempt(request, lambda: svc.consultation_update(
            consultation=fresh, actor=request.user, version=form.opened_version(),
            **values), form=form, conflict=form, success=_("已保存。"))
        if saved.ok:
            return redirect("participation:staff_consultation", pk=pk)
    return render(request, "participation/consultation_staff_form.html",
                  {"form": form, "c": consultation}, status=400 if form.errors else 200)


@login_required
@require_POST
def staff_split(request, pk: int):
    consultation = _consultation(request, pk)
    attempt(request, lambda: svc.consultation_articles_split(
        consultation=consultation, actor=request.user), success=_("已重新拆分条款。"))
    return redirect("participation:staff_consultation", pk=pk)


@login_required
@require_POST
def staff_article_edit(request, pk: int):
    article = get_object_or_404(ConsultationArticle, pk=pk)
    consultation = _consultation(request, article.consultation_id)
    form = ArticleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写条款名称和内容。"))
        return redirect("participation:staff_consultation", pk=consultation.pk)
    article.consultation = consultation
    attempt(request, lambda: svc.article_update(article=article, actor=request.user,
                                                **form.cleaned_data),
            success=_("条款已修改。"))
    return redirect("participation:staff_consultation", pk=consultation.pk)


@login_required
@require_POST
def staff_attachment_add(request, pk: int):
    consultation = _consultation(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("请选择要上传的文件。"))
        return redirect("participation:staff_consultation", pk=pk)
    attempt(request, lambda: svc.attachment_add(
        consultation=consultation, actor=request.user, file=form.cleaned_data["file"]),
        success=_("材料已上传。"))
    return redirect("participation:staff_consultation", pk=pk)


@login_required
@require_POST
def staff_attachment_remove(request, pk: int):
    attachment = get_object_or_404(ConsultationAttachment, pk=pk)
    consultation = _consultation(request, attachment.consultation_id)
    attempt(request, lambda: svc.attachment_remove(attachment=attachment, actor=request.user),
            success=_("材料已删除。"))
    return redirect("participation:staff_consultation", pk=consultation.pk)


@login_required
@require_POST
def staff_submit(request, pk: int):
    consultation = _consultation(request, pk)
    attempt(request, lambda: content_submit_for_review(obj=consultation, actor=request.user),
            success=_("已提交审核，审核通过后在网站发布。"))
    return redirect("participation:staff_consultation", pk=pk)


@login_required
def staff_comments(request, pk: int):
    consultation = _consultation(request, pk)
    only_pending = request.GET.get("pending") == "1"
    return render(request, "participation/consultation_staff_comments.html", {
        "c": consultation, "only_pending": only_pending,
        "blocks": comments_for_handling(consultation, only_pending=only_pending),
        "decision_form": DecisionForm(),
    })


@login_required
@require_POST
def staff_comment_decide(request, pk: int):
    comment = get_object_or_404(ConsultationComment, pk=pk)
    consultation = _consultation(request, comment.consultation_id)
    comment.consultation = consultation
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择处理结果。"))
        return redirect("participation:staff_consultation_comments", pk=consultation.pk)
    attempt(request, lambda: svc.comment_decide(comment=comment, actor=request.user,
                                                **form.cleaned_data),
            success=_("已处理。"))
    return redirect("participation:staff_consultation_comments", pk=consultation.pk)


@login_required
@require_POST
def staff_group_decide(request, pk: int):
    group = get_object_or_404(CommentGroup, pk=pk)
    consultation = _consultation(request, group.consultation_id)
    group.consultation = consultation
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择处理结果。"))
        return redirect("participation:staff_consultation_comments", pk=consultation.pk)
    attempt(request, lambda: svc.group_decide(group=group, actor=request.user,
                                              **form.cleaned_data),
            success=_("该组相似意见已一并处理。"))
    return redirect("participation:staff_consultation_comments", pk=consultation.pk)


@login_required
@require_POST
def staff_regroup(request, pk: int):
    consultation = _consultation(request, pk)
    attempt(request, lambda: svc.comments_regroup(consultation=consultation,
                                                  actor=request.user),
            success=_("已重新归并相似意见。"))
    return redirect("participation:staff_consultation_comments", pk=pk)


@login_required
def staff_feedback(request, pk: int):
    consultation = _consultation(request, pk)
    report = getattr(consultation, "feedback", None)
    form = FeedbackForm(request.POST or None,
                        initial={"preface": report.preface if report else ""})
    if request.method == "POST" and form.is_valid():
        attempt(request, lambda: feedback_generate(
            consultation=consultation, actor=request.user, **form.cleaned_data),
            success=_("已根据处理结果生成反馈。"))
        return redirect("participation:staff_feedback", pk=pk)
    return render(request, "participation/consultation_staff_feedback.html", {
        "c": consultation, "report": report, "form": form,
        "summary": summary_sentence(report.data) if report else "",
        "editable": report is None or report.publication_status in EDITABLE,
    })


@login_required
@require_POST
def staff_feedback_submit(request, pk: int):
    consultation = _consultation(request, pk)
    report = get_object_or_404(FeedbackReport, consultation=consultation)
    attempt(request, lambda: content_submit_for_review(obj=report, actor=request.user),
            success=_("反馈已提交审核，审核通过后在征求意见页面公布。"))
    return redirect("participation:staff_feedback", pk=pk)


@login_required
def staff_feedback_docx(request, pk: int):
    consultation = _consultation(request, pk)
    report = getattr(consultation, "feedback", None)
    if report is None:
        messages.error(request, _("尚未生成反馈。"))
        return redirect("participation:staff_feedback", pk=pk)
    return docx_response(report)


def docx_response(report) -> HttpResponse:
    response = HttpResponse(feedback_docx(report), content_type=DOCX)
    response["Content-Disposition"] = (
        f"attachment; filename=feedback-{report.consultation_id}.docx")
    return response
