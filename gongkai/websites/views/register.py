"""The register: lists, entry pages, forms, opening and closing, Excel, history,
running a check, the rules page. Every page starts from the visible-to querysets."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.actions import attempt
from gongkai.websites import permissions as perms
from gongkai.websites.forms import AccountForm, ColumnForm, ImportForm, NoteForm, WebsiteForm
from gongkai.websites.models import AccountStatus, Column, RunTrigger, SiteStatus
from gongkai.websites.rules import INDICATORS
from gongkai.websites.services import register as svc
from gongkai.websites.services.excel import register_import, register_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def register(request):
    if not perms.can_view_register(request.user):
        raise PermissionDenied
    return render(request, "websites/register.html", {
        "websites": perms.websites_visible_to(request.user),
        "accounts": perms.accounts_visible_to(request.user),
        "may_register": perms.can_register(request.user),
        "may_import": perms.can_decide(request.user), "import_form": ImportForm()})


@login_required
def register_export(request):
    if not perms.can_view_register(request.user):
        raise PermissionDenied
    data = register_workbook(perms.websites_visible_to(request.user),
                             perms.accounts_visible_to(request.user))
    response = HttpResponse(data, content_type=XLSX)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="websites-{stamp}.xlsx"'
    return response


@login_required
@require_POST
def register_import_view(request):
    if not perms.can_decide(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("请选择要导入的 .xlsx 文件。"))
        return redirect("websites:register")
    attempt(request, lambda: register_import(file=form.cleaned_data["file"],
                                             actor=request.user),
            success=lambda counts: _("导入完成：新增 %(created)s 条，更新 %(updated)s 条。")
            % counts)
    return redirect("websites:register")


def _unit_fixed(user):
    return None if user.is_office_admin else user.unit


def _entry_form(request, form_class, instance, create, update, detail_name, template):
    if instance is None and not perms.can_register(request.user):
        raise PermissionDenied
    if instance is not None and not perms.can_edit_entry(request.user, instance):
        raise PermissionDenied
    form = form_class(request.POST or None, instance=instance,
                      unit_fixed=_unit_fixed(request.user))
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in form.Meta.fields}
        saved = attempt(request, lambda: create(data) if instance is None
                        else update(instance, data), form=form, success=_("已保存。"))
        if saved.ok:
            return redirect(detail_name, pk=saved.value.pk)
    return render(request, template, {"form": form, "entry": instance},
                  status=400 if form.errors else 200)


@login_required
def website_form(request, pk: int | None = None):
    instance = get_object_or_404(perms.websites_visible_to(request.user), pk=pk) if pk else None
    return _entry_form(
        request, WebsiteForm, instance,
        lambda d: svc.website_register(actor=request.user, **d),
        lambda w, d: svc.website_update(website=w, actor=request.user, **d),
        "websites:website", "websites/entry_form.html")


@login_required
def account_form(request, pk: int | None = None):
    instance = get_object_or_404(perms.accounts_visible_to(request.user), pk=pk) if pk else None
    return _entry_form(
        request, AccountForm, instance,
        lambda d: svc.account_register(actor=request.user, **d),
        lambda a, d: svc.account_update(account=a, actor=request.user, **d),
        "websites:account", "websites/entry_form.html")


@login_required
def website_detail(request, pk: int):
    website = get_object_or_404(perms.websites_visible_to(request.user), pk=pk)
    run = website.runs.first()
    moves = [to for (frm, to) in svc.SITE_MOVES if frm == website.status]
    if not perms.can_decide(request.user):
        moves = [to for to in moves if (website.status, to) not in svc.SITE_OFFICE_MOVES]
    if not perms.can_edit_entry(request.user, website):
        moves = []
    return render(request, "websites/website_detail.html", {
        "website": website, "run": run,
        "findings": run.findings.all() if run else [],
        "probes": website.probes.all()[:20], "columns": website.columns.all(),
        "moves": [(to, SiteStatus(to).label) for to in moves],
        "may_edit": perms.can_edit_entry(request.user, website),
        "may_check": perms.can_run_checks(request.user, website),
        "may_mark": perms.can_decide(request.user), "column_form": ColumnForm(),
        "note_form": NoteForm(), "indicators": INDICATORS})


@login_required
@require_POST
def website_move(request, pk: int):
    website = get_object_or_404(perms.websites_visible_to(request.user), pk=pk)
    if not perms.can_edit_entry(request.user, website):
        raise PermissionDenied
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    attempt(request, lambda: svc.website_move(
        website=website, to=request.POST.get("to", ""), actor=request.user, note=note,
        office=perms.can_decide(request.user)), success=_("状态已更新。"))
    return redirect("websites:website", pk=pk)


@login_required
@require_POST
def website_check_now(request, pk: int):
    from gongkai.websites.tasks import check_website

    website = get_object_or_404(perms.websites_visible_to(request.user), pk=pk)
    if not perms.can_run_checks(request.user, website):
        raise PermissionDenied
    transaction.on_commit(lambda: check_website(website.pk, RunTrigger.ON_DEMAND,
                                                request.user.pk))
    messages.success(request, _("已开始检查，完成后刷新本页查看结果。"))
    return redirect("websites:website", pk=pk)


@login_required
@require_POST
def column_add(request, pk: int):
    website = get_object_or_404(perms.websites_visible_to(request.user), pk=pk)
    if not perms.can_decide(request.user):
        raise PermissionDenied
    form = ColumnForm(request.POST)
    if not form.is_valid():
        messages.error(request, "；".join(e for errs in form.errors.values() for e in errs))
        return redirect("websites:website", pk=pk)
    attempt(request, lambda: svc.column_save(website=website, actor=request.user,
                                             **form.cleaned_data), success=_("栏目已保存。"))
    return redirect("websites:website", pk=pk)


@login_required
@require_POST
def column_toggle(request, pk: int, column_pk: int):
    website = get_object_or_404(perms.websites_visible_to(request.user), pk=pk)
    if not perms.can_decide(request.user):
        raise PermissionDenied
    column = get_object_or_404(Column, pk=column_pk, website=website)
    attempt(request, lambda: svc.column_save(
        website=website, actor=request.user, name=column.name, url=column.url,
        kind=column.kind, checked=not column.checked, column=column),
        success=_("栏目已更新。"))
    return redirect("websites:website", pk=pk)


@login_required
def account_detail(request, pk: int):
    account = get_object_or_404(perms.accounts_visible_to(request.user), pk=pk)
    office = perms.can_decide(request.user)
    moves = []
    if perms.can_edit_entry(request.user, account):
        moves = [to for (frm, to) in svc.ACCOUNT_MOVES if frm == account.status
                 and (office or to == AccountStatus.CLOSE_REQUESTED)]
    return render(request, "websites/account_detail.html", {
        "account": account, "moves": [(to, AccountStatus(to).label) for to in moves],
        "ends": [(e, AccountStatus(e).label) for e in svc.ACCOUNT_ENDS],
        "checks": account.checks.prefetch_related("screenshots")[:10],
        "findings": account.findings.all()[:50],
        "may_edit": perms.can_edit_entry(request.user, account), "note_form": NoteForm()})


@login_required
@require_POST
def account_move(request, pk: int):
    account = get_object_or_404(perms.accounts_visible_to(request.user), pk=pk)
    if not perms.can_edit_entry(request.user, account):
        raise PermissionDenied
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    attempt(request, lambda: svc.account_move(
        account=account, to=request.POST.get("to", ""), end=request.POST.get("end", ""),
        actor=request.user, note=note, office=perms.can_decide(request.user)),
        success=_("状态已更新。"))
    return redirect("websites:account", pk=pk)
