"""The handling unit's pages: the application list, staff registration, the detail
page with one form per allowed step, the step endpoints and the fee calculator.

Who may do what is decided in ``gongkai.foi.permissions`` only: a page starts from
``applications_visible_to`` (another unit's application is a 404), steps need
``can_handle_application`` (a co-handling unit reads but does not act), personal data
is shown in full only where ``can_see_personal_data``.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.actions import attempt
from gongkai.core.downloads import DOCX, stored_file_response
from gongkai.foi import forms_staff as f
from gongkai.foi.fees import (
    FeeQuote,
    fee_for_application,
    quote_per_application,
    quote_per_volume,
)
from gongkai.foi.lists import STAFF_APPLICATIONS
from gongkai.foi.models import FeeBasis, Letter, Status
from gongkai.foi.permissions import (
    applications_visible_to,
    can_approve_extension,
    can_handle_application,
    can_manage_foi,
    can_see_personal_data,
)
from gongkai.foi.selectors.staff import application_clock_view, staff_rows
from gongkai.foi.services.handling import supplement_window
from gongkai.foi.services.intake import application_register
from gongkai.foi.services.letters import letter_file_name, letter_pdf_ensure
from gongkai.foi.views.staff_actions import STEPS, allowed_steps, generate_letter
from gongkai.workdays.selectors import calendar_from_db


def _require_staff(user) -> None:
    if not (user.is_office_admin or (user.is_unit_staff and user.unit_id)):
        raise PermissionDenied


@never_cache
@login_required
def staff_list(request):
    _require_staff(request.user)
    today, calendar = timezone.localdate(), calendar_from_db()
    listing = STAFF_APPLICATIONS.read(request, applications_visible_to(request.user),
                                      user=request.user)
    return render(request, "foi/staff_list.html", {
        "listing": listing, "page": listing.page,
        "rows": staff_rows(request.user, listing.page, calendar=calendar, today=today),
    })


def _register_form_data(form) -> dict:
    data = dict(form.cleaned_data)
    data.pop("unit", None)
    data.pop("channel", None)
    data.pop("received_on", None)
    return data


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def register(request):
    _require_staff(request.user)
    choose_unit = can_manage_foi(request.user)
    form = f.RegisterForm(request.POST or None, choose_unit=choose_unit)
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"] if choose_unit else request.user.unit
        registered = attempt(request, lambda: application_register(
            unit=unit, data=_register_form_data(form), channel=form.cleaned_data["channel"],
            received_on=form.cleaned_data["received_on"], actor=request.user), form=form)
        if registered.ok:
            application = registered.value
            if application.status != Status.PENDING:
                for kind in ("registration", "receipt"):
                    warning = generate_letter(application, kind, request.user)
                    if warning:
                        messages.warning(request, warning)
            messages.success(request, _("已登记申请 %(n)s。") % {
                "n": application.number or _("（待确认收到）")})
            return redirect("foi:application_detail", pk=application.pk)
    return render(request, "foi/staff_register.html", {"form": form})


def _visible(request, pk: int):
    _require_staff(request.user)
    return get_object_or_404(applications_visible_to(request.user)
                             .select_related("unit", "fee"), pk=pk)


def _step_forms(application, user, bound: tuple[str, object] | None = None) -> list[dict]:
    """One form per allowed step; ``bound`` is (step, form) of a rejected submission,
    shown open with everything typed and every error at once."""
    if not can_handle_application(user, application):
        return []
    forms = []
    bound_name, bound_form = bound or ("", None)
    for name in allowed_steps(application):
        if name == "extend" and not can_approve_extension(user, application):
            continue
        if name == "consultation_end":
            for pause in application.pauses.filter(ended_on__isnull=True,
                                                   kind__in=("third_party", "agency")):
                form = f.ConsultationEndForm(initial={"pause": pause.pk})
                if name == bound_name and str(bound_form.data.get("pause")) == str(pause.pk):
                    form = bound_form
                forms.append({"name": name, "step": STEPS[name], "pause": pause,
                              "form": form, "open": form is bound_form})
            continue
        form = bound_form if name == bound_name else STEPS[name].form()
        forms.append({"name": name, "step": STEPS[name], "form": form,
                      "open": name == bound_name})
    if not bound_name and forms:
        forms[0]["open"] = True
    return forms


def _unshown_errors(request, bound, forms: list[dict]) -> None:
    """A rejected step not offered now (the status moved on): its errors as messages."""
    if bound and not any(item["open"] for item in forms):
        for errors in bound[1].errors.values():
            for error in errors:
                messages.error(request, error)


@never_cache
@login_required
def application_detail(request, pk: int):
    return _detail_page(request, _visible(request, pk))


def _detail_page(request, application, bound: tuple[str, object] | None = None,
                 status: int = 200):
    user = request.user
    today, calendar = timezone.localdate(), calendar_from_db()
    handler = can_handle_application(user, application)
    window = None
    if application.status == Status.PROCESSING and not application.supplements.exists():
        window = supplement_window(application, calendar, today)
    step_forms = _step_forms(application, user, bound)
    _unshown_errors(request, bound, step_forms)
    my_co = application.co_handlings.filter(unit_id=user.unit_id, answered_on__isnull=True
                                            ).first() if user.unit_id else None
    return render(request, "foi/staff_detail.html", {
        "application": application, "show": can_see_personal_data(user, application),
        "handler": handler,
        "clock": application_clock_view(application, calendar=calendar, today=today),
        "supplement_window": window,
        "supplements": application.supplements.all(), "pauses": application.pauses.all(),
        "co_handlings": application.co_handlings.select_related("unit"),
        "appeals": application.appeals.all() if handler else [],
        "letters": application.letters.all() if handler else [],
        "attachments": application.attachments.all() if handler else [],
        "step_forms": step_forms,
        "letter_form": f.LetterForm() if handler else None,
        "co_answer_form": f.CoHandlingAnswerForm() if my_co and application.is_open
        else None,
    }, status=status)


def _run_step(request, application, name: str):
    """Run the step; on rejected input the bound form (else None)."""
    step = STEPS[name]
    form = step.form(request.POST, request.FILES) if step.files else step.form(request.POST)
    if not form.is_valid():
        return form
    ran = attempt(request, lambda: step.run(application, form.cleaned_data, request.user),
                  form=form, success=lambda result: result[0])
    if not ran.ok:
        return form
    _said, kinds = ran.value
    application.refresh_from_db()
    for kind in (kinds,) if isinstance(kinds, str) else kinds:
        warning = generate_letter(application, kind, request.user) if kind else ""
        if warning:
            messages.warning(request, warning)
    return None


@never_cache
@login_required
@require_POST
def action(request, pk: int, name: str):
    application = _visible(request, pk)
    if name not in STEPS or not can_handle_application(request.user, application):
        raise PermissionDenied
    if name == "extend" and not can_approve_extension(request.user, application):
        raise PermissionDenied
    rejected = _run_step(request, application, name)
    if rejected is not None:
        # Shown again, not redirected: nothing typed is lost and every error shows.
        application.refresh_from_db()
        return _detail_page(request, application, (name, rejected), status=400)
    return redirect("foi:application_detail", pk=application.pk)


@login_required
@require_POST
def co_handling_answer_view(request, pk: int):
    """The co-handling unit answers its own 协办函."""
    from gongkai.foi.services.workflow import co_handling_answer

    application = _visible(request, pk)
    co = application.co_handlings.filter(unit_id=request.user.unit_id).first()
    if co is None:
        raise PermissionDenied
    form = f.CoHandlingAnswerForm(request.POST)
    if form.is_valid():
        attempt(request, lambda: co_handling_answer(
            co_handling=co, answer=form.cleaned_data["answer"], actor=request.user),
            success=_("已回复协办意见。"))
    else:
        messages.error(request, _("请填写协办意见（不超过5000字）。"))
    return redirect("foi:application_detail", pk=application.pk)


@login_required
@require_POST
def letter_create(request, pk: int):
    """Generate (or regenerate) one letter of the application."""
    application = _visible(request, pk)
    if not can_handle_application(request.user, application):
        raise PermissionDenied
    form = f.LetterForm(request.POST)
    if form.is_valid():
        warning = generate_letter(application, form.cleaned_data["kind"], request.user)
        if warning:
            messages.error(request, warning)
        else:
            messages.success(request, _("已生成文书。"))
    return redirect("foi:application_detail", pk=application.pk)


@never_cache
@login_required
def letter_file(request, pk: int, letter_pk: int, fmt: str = "docx"):
    """A letter of the handling unit (letters carry personal data): .docx to edit or
    print, or the PDF the applicant gets."""
    application = _visible(request, pk)
    if not can_see_personal_data(request.user, application):
        raise PermissionDenied
    letter = get_object_or_404(Letter, pk=letter_pk, application=application)
    if fmt == "pdf":
        if not attempt(request, lambda: letter_pdf_ensure(letter)).ok:
            return redirect("foi:application_detail", pk=application.pk)
        return stored_file_response(letter.pdf, filename=letter_file_name(letter, "pdf"),
                                    content_type="application/pdf")
    return stored_file_response(letter.file, filename=letter_file_name(letter, "docx"),
                                content_type=DOCX)


def _quote(basis: str, quantity: int) -> tuple[FeeQuote, int | None]:
    if basis == FeeBasis.PER_APPLICATION:
        charge = fee_for_application(basis=basis, quantity=quantity) if quantity else 0
        return quote_per_application(quantity), charge
    return quote_per_volume(quantity), None


@login_required
def fee_calculator(request):
    """The 109号 calculator; with htmx only the result is returned."""
    _require_staff(request.user)
    form = f.FeeCalculatorForm(request.GET or None)
    quote = charge = None
    if form.is_valid():
        quote, charge = _quote(form.cleaned_data["basis"], form.cleaned_data["quantity"])
    template = "foi/staff_fee_quote.html" if request.headers.get("HX-Request") \
        else "foi/staff_fee_calculator.html"
    return render(request, template, {"form": form, "quote": quote, "charge": charge,
                                      "basis": form.cleaned_data.get("basis")
                                      if form.is_valid() else ""})
