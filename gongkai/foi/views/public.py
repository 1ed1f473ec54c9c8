"""The applicant's side: apply online, see the receipt once, follow the application
with the query code and the last four characters of the identity number (or a login),
read and download the letters, and supplement online.

Proving the query code grants access in the session to that one application only.
Anyone without access gets 404, so a guess does not learn whether an application
exists. Personal data is masked for everyone but ``can_see_personal_data``.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from gongkai.core import formkeys, ratelimit
from gongkai.core.actions import attempt
from gongkai.core.downloads import stored_file_response
from gongkai.core.errors import ApplicationError
from gongkai.core.params import int_param
from gongkai.foi.codes import LetterKind
from gongkai.foi.forms_public import ApplyForm, SupplementForm, TrackForm
from gongkai.foi.models import Application, Letter, ReplyAttachment
from gongkai.foi.permissions import (
    applications_visible_to,
    can_handle_application,
    can_see_personal_data,
)
from gongkai.foi.selectors.public import (
    application_for_query,
    awaited_supplement,
    letters_for_applicant,
)
from gongkai.foi.services.intake import application_submit_online
from gongkai.foi.services.letters import (
    due_text,
    letter_ensure,
    letter_file_name,
    letter_pdf_ensure,
    receipt_number,
)
from gongkai.foi.services.workflow import supplement_receive
from gongkai.portal.pagecache import public_page

ACCESS_KEY = "foi_access"  # the one application this visitor proved the code of
RECEIPT_KEY = "foi_receipt"  # the application whose receipt is still to be shown
APPLY_LIMIT = 10  # online applications an hour from one address
TRACK_LIMIT = 10  # wrong query codes an hour from one address
PDF_TYPE = "application/pdf"
# The types proved by content at upload (``gongkai.core.uploads``), by extension.
ATTACHMENT_TYPES = {
    "pdf": PDF_TYPE, "png": "image/png", "jpg": "image/jpeg", "gif": "image/gif",
    "webp": "image/webp", "doc": "application/msword", "xls": "application/vnd.ms-excel",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
GENERIC_TRACK_ERROR = gettext_lazy("查询码或证件号码后四位不正确，请核对后重试。")


def _public_user(request):
    user = request.user
    return user if user.is_authenticated and user.role == "public" else None


def _with_new_key(request, form: ApplyForm) -> ApplyForm:
    """The bound form with a fresh key, everything typed kept."""
    data = form.data.copy()
    data["submission_key"] = formkeys.issue(request)
    rebound = ApplyForm(data)
    rebound.is_valid()
    for field, errors in form.errors.items():
        for error in errors:
            if error not in rebound.errors.get(field, []):
                rebound.add_error(None if field == "__all__" else field, error)
    return rebound


@never_cache
@require_http_methods(["GET", "POST"])
@public_page
def apply(request):
    if request.method == "GET":
        initial = {"submission_key": formkeys.issue(request)}
        if (unit := int_param(request.GET, "unit")) is not None:
            initial["unit"] = unit
        return render(request, "foi/public_apply.html", {"form": ApplyForm(initial=initial)})
    form = ApplyForm(request.POST)
    key = str(request.POST.get("submission_key", ""))
    if not formkeys.belongs_to(request, key):
        form.is_valid()
        form.add_error(None, _("申请表已过期或不是在本浏览器打开的，请核对内容后重新提交。"))
        return render(request, "foi/public_apply.html",
                      {"form": _with_new_key(request, form)}, status=400)
    if form.is_valid() and not ratelimit.take(request, "apply", APPLY_LIMIT):
        form.add_error(None, _("本网络地址一小时内提交的申请过多，请稍后再试，"
                               "或者当面、邮寄提交申请。"))
    elif form.is_valid():
        submitted = attempt(request, lambda: application_submit_online(
            data=form.service_data(), submission_key=form.cleaned_data["submission_key"],
            public_user=_public_user(request)), form=form)
        if submitted.ok:
            application = submitted.value
            letter_ensure(application=application, kind=LetterKind.RECEIPT)
            request.session.cycle_key()
            request.session[ACCESS_KEY] = application.pk
            request.session[RECEIPT_KEY] = application.pk
            return redirect("foi:receipt")
        ratelimit.give_back(request, "apply")  # only submitted applications count
    return render(request, "foi/public_apply.html", {"form": form}, status=400)


@never_cache
def receipt(request):
    """Shown once after submitting: the receipt number and the query code."""
    pk = request.session.pop(RECEIPT_KEY, None)
    application = Application.objects.filter(pk=pk).select_related("unit").first() \
        if pk else None
    if application is None:
        messages.info(request, _("回执只显示一次。请凭查询码和证件号码后四位查询申请。"))
        return redirect("foi:track")
    letter = application.letters.filter(kind=LetterKind.RECEIPT).order_by("-id").first()
    return render(request, "foi/public_receipt.html", {
        "application": application, "receipt_number": receipt_number(application),
        "letter": letter, "due": due_text(application),
    })


@never_cache
@require_http_methods(["GET", "POST"])
def track(request):
    """The query form; a signed-in applicant also sees their own applications."""
    form = TrackForm(request.POST or None)
    if request.method == "POST":
        # Counted before the lookup, so concurrent guesses cannot all pass the check;
        # a successful query gives its slot back (only failures count).
        if not ratelimit.take(request, "track", TRACK_LIMIT):
            form.is_valid()
            form.add_error(None, _("查询失败次数过多，请一小时后再试。"))
        elif form.is_valid():
            application = application_for_query(**form.cleaned_data)
            if application is not None:
                ratelimit.give_back(request, "track")
                request.session.cycle_key()
                request.session[ACCESS_KEY] = application.pk
                return redirect("foi:track_application", pk=application.pk)
            form.add_error(None, GENERIC_TRACK_ERROR)
    own = []
    if _public_user(request):
        own = applications_visible_to(request.user).select_related("unit")
    return render(request, "foi/public_track.html", {"form": form, "own": own},
                  status=400 if form.errors else 200)


def _may_follow(request, application: Application) -> bool:
    if request.session.get(ACCESS_KEY) == application.pk:
        return True
    user = request.user
    return user.is_authenticated and (
        application.public_user_id == user.pk
        or applications_visible_to(user).filter(pk=application.pk).exists())


def _is_the_applicant(request, application: Application) -> bool:
    """Who may act for the applicant on this page: the visitor who proved the query
    code, or the signed-in applicant who submitted it. Staff who can read the page
    (the handling or a co-handling unit) record a supplement on the staff side."""
    if request.session.get(ACCESS_KEY) == application.pk:
        return True
    user = request.user
    return bool(user.is_authenticated and application.public_user_id == user.pk)


@never_cache
@require_http_methods(["GET", "POST"])
def track_application(request, pk: int):
    application = get_object_or_404(Application.objects.select_related("unit"), pk=pk)
    if not _may_follow(request, application):
        raise Http404
    applicant = _is_the_applicant(request, application)
    supplement = awaited_supplement(application)
    form = SupplementForm(request.POST or None) if supplement and applicant else None
    if request.method == "POST" and supplement and not applicant:
        raise Http404
    if request.method == "POST" and form is not None and form.is_valid():
        if attempt(request, lambda: supplement_receive(
                supplement=supplement, received_on=timezone.localdate(),
                content=form.cleaned_data["content"], actor=request.user),
                form=form, success=_("补正材料已提交，答复期限自今日起重新计算。")).ok:
            return redirect("foi:track_application", pk=application.pk)
    return render(request, "foi/public_track_application.html", {
        "application": application,
        "show": can_see_personal_data(request.user, application),
        "due": _due_label(application),
        "letters": letters_for_applicant(application),
        "attachments": application.attachments.all() if application.replied_on else [],
        "supplement": supplement, "form": form, "applicant": applicant,
        "receipt_number": receipt_number(application),
    }, status=400 if form is not None and form.errors else 200)


def _due_label(application: Application) -> str:
    if application.due_on:
        return due_text(application)
    if application.received_on:
        # Waiting for a supplement, an opinion or a payment: the clock stands still.
        return _("暂停计算（%(status)s），恢复后重新计算") % {
            "status": application.get_status_display()}
    return _("确认收到申请后计算")


def _may_download(request, application: Application, for_applicant: bool) -> bool:
    """The handling unit's staff and the office; else, for what the applicant may see,
    the applicant who proved the code or who submitted signed in."""
    if can_handle_application(request.user, application):
        return True
    return for_applicant and (
        request.session.get(ACCESS_KEY) == application.pk
        or (request.user.is_authenticated
            and application.public_user_id == request.user.pk))


@never_cache
def letter_download(request, pk: int):
    """A letter as PDF, made on the server from the letter's own content."""
    letter = get_object_or_404(Letter.objects.select_related("application"), pk=pk)
    if not _may_download(request, letter.application, letter.visible_to_applicant):
        raise Http404
    try:
        letter_pdf_ensure(letter)
    except ApplicationError:
        raise Http404 from None
    return stored_file_response(letter.pdf, filename=letter_file_name(letter, "pdf"),
                                content_type=PDF_TYPE)


@never_cache
def attachment_download(request, pk: int):
    """A document provided with the reply, to the applicant once replied."""
    attachment = get_object_or_404(ReplyAttachment.objects.select_related("application"),
                                   pk=pk)
    application = attachment.application
    if not _may_download(request, application, application.replied_on is not None):
        raise Http404
    return stored_file_response(attachment.file, filename=attachment.name,
                                content_type=ATTACHMENT_TYPES.get(attachment.kind, ""))
