"""Consultations on the public site: the list of open and closed consultations, the
consultation page with article-by-article commenting, the published feedback report.

Only published consultations are shown (``published_visible_to``). Comments are public
input: CSRF-protected, length-limited, rate-limited per visitor address, stored as
entered and shown escaped; the commenter's contact details never reach a public page.
The staff side is in ``consultations_staff``."""
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core import ratelimit
from gongkai.core.actions import attempt
from gongkai.core.downloads import stored_file_response
from gongkai.core.security import no_store
from gongkai.participation.forms_consultations import CommentForm
from gongkai.participation.models import Consultation, ConsultationAttachment
from gongkai.participation.selectors.consultations import (
    public_consultations,
    published_feedback,
)
from gongkai.participation.services.consultations import comment_submit
from gongkai.participation.services.feedback import summary_sentence
from gongkai.participation.views import consultations_staff
from gongkai.publishing.selectors import published_visible_to

COMMENT_LIMIT = 30  # comments an hour from one address
RATE_SCOPE = "participation:comment"


def _published(request, pk: int) -> Consultation:
    return get_object_or_404(
        published_visible_to(request.user, Consultation.objects.select_related("unit")),
        pk=pk)


def consultation_list(request):
    lists = public_consultations(request.user, today=timezone.localdate())
    return render(request, "participation/consultation_list.html", lists)


def consultation_detail(request, pk: int, form: CommentForm | None = None, status=200):
    consultation = _published(request, pk)
    today = timezone.localdate()
    return render(request, "participation/consultation_detail.html", {
        "c": consultation, "is_open": consultation.is_open_on(today),
        "has_closed": consultation.has_closed_by(today),
        # A 条 split into 款 is shown by its 款 only (its text is theirs, joined).
        "articles": consultation.articles.annotate(clause_count=Count("clauses")),
        "attachments": consultation.attachments.all(),
        "form": form or CommentForm(),
        # Which article's form to reopen with the typed text and the error.
        "failed_article": str(form["article"].value() or "") if form is not None else None,
        "feedback": published_feedback(request.user, consultation),
    }, status=status)


@no_store
@require_POST
def consultation_comment(request, pk: int):
    consultation = _published(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return consultation_detail(request, pk, form, status=400)
    if not ratelimit.take(request, RATE_SCOPE, COMMENT_LIMIT):
        form.add_error(None, _("本网络地址一小时内提交的意见过多，请稍后再试。"))
        return consultation_detail(request, pk, form, status=429)
    data = form.cleaned_data
    article = None
    if data["article"]:
        article = consultation.articles.filter(pk=data["article"]).first()
        if article is None:
            raise Http404
    submitted = attempt(request, lambda: comment_submit(
        consultation=consultation, article=article, name=data["name"],
        contact=data["contact"], body=data["body"]),
        form=form, success=_("您的意见已提交，感谢参与。处理情况将在征求意见结束后反馈。"))
    if not submitted.ok:
        ratelimit.give_back(request, RATE_SCOPE)
        return consultation_detail(request, pk, form, status=400)
    anchor = f"#article-{article.pk}" if article else "#whole"
    return redirect(reverse("participation:consultation", args=[pk]) + anchor)


def feedback(request, pk: int):
    consultation = _published(request, pk)
    report = published_feedback(request.user, consultation)
    if report is None:
        raise Http404
    return render(request, "participation/consultation_feedback.html", {
        "c": consultation, "report": report, "summary": summary_sentence(report.data)})


def feedback_docx(request, pk: int):
    consultation = _published(request, pk)
    report = published_feedback(request.user, consultation)
    if report is None:
        raise Http404
    return consultations_staff.docx_response(report)


def attachment(request, pk: int):
    """A material of a published consultation (staff read their own from the staff
    page, which links here only when published)."""
    item = get_object_or_404(ConsultationAttachment, pk=pk)
    _published(request, item.consultation_id)
    return stored_file_response(item.file, filename=item.original_name,
                                content_type=item.mime_type)
