"""Importing a plan in the browser: upload → preview and correct → confirm → look-back.

The uploaded file's logical lines stay in the session between steps (size-limited), so
no half-imported state is ever stored.
"""
import json
from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.actions import attempt
from gongkai.core.errors import ApplicationError
from gongkai.core.params import parse_int
from gongkai.orgs.models import UnitCategory
from gongkai.orgs.services import unit_alias_add
from gongkai.plans.forms_import import (
    MapNameForm,
    NewUnitForm,
    PlanUploadForm,
    PlanYearForm,
    default_year,
)
from gongkai.plans.importer import SourceLine
from gongkai.plans.importer.edits import MAX_EDIT_CHARS, refs_as_text
from gongkai.plans.lists import LOOK_BACK
from gongkai.plans.models import Assignment, Plan, TaskRole
from gongkai.plans.permissions import can_manage_plans
from gongkai.plans.selectors.plan import unfinished_from_previous_year
from gongkai.plans.services.importing import (
    follow_ups_create,
    plan_import_lines,
    plan_parse_lines,
    plan_read_source,
    plan_title_year,
)

SESSION_KEY = "plans_import"
MAX_SESSION_CHARS = 2_000_000


def _office_only(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not can_manage_plans(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _stored(request) -> dict | None:
    return request.session.get(SESSION_KEY)


def _lines(stored: dict) -> list[SourceLine]:
    return [SourceLine(row[0], tuple(row[1]), tuple(row[2]) if len(row) > 2 else ())
            for row in json.loads(stored["lines"])]


def _read_upload(file, year: int | None) -> dict:
    """What the preview keeps in the session: the file's lines, its name and the year
    (typed, else the title's); refused when it does not parse or is too big to keep."""
    lines, name = plan_read_source(file)
    payload = json.dumps([[ln.number, list(ln.cells), list(ln.merged)] for ln in lines],
                         ensure_ascii=False)
    if len(payload) > MAX_SESSION_CHARS:
        raise ApplicationError(_("文件内容过多，请改用命令行 import_plan 导入。"))
    year = year or default_year(plan_title_year(lines=lines))
    plan_parse_lines(lines=lines, year=year)
    return {"lines": payload, "name": name[:200], "year": year, "new_units": {}, "edits": {}}


@_office_only
def import_upload(request):
    """Step 1: choose the file and the year."""
    form = PlanUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        read = attempt(request, lambda: _read_upload(form.cleaned_data["file"],
                                                     form.cleaned_data["year"]))
        if read.ok:
            request.session[SESSION_KEY] = read.value
            return redirect("plans:import_preview")
    return render(request, "plans/import_upload.html", {"form": form})


def _ref_row(ref, result, unresolved: set[str], new_units: dict, labels: dict,
             categories: dict) -> dict:
    unit = None if ref.is_group else result.resolution.unit_for(ref)
    return {"name": ref.name, "raw": ref.raw, "line": ref.line, "note": ref.note,
            "role": labels.get(ref.role, ref.role), "is_group": ref.is_group, "unit": unit,
            "guessed": ref.guessed and unit is None,
            "unresolved": ref.name in unresolved and ref.name not in new_units,
            "to_create": categories.get(new_units.get(ref.name, ""))}


def _preview_parts(result, new_units: dict) -> list[dict]:
    """The parsed plan with each name's resolution and each task's flags (no units,
    units from a merge, guessed or unknown names), for the template and its filters."""
    unresolved = {name for name, _line in result.unresolved}
    labels, categories = dict(TaskRole.choices), dict(UnitCategory.choices)
    parts = []
    for part in result.parsed.parts:
        sections = []
        for section in part.sections:
            tasks = []
            for task in section.tasks:
                refs = [_ref_row(r, result, unresolved, new_units, labels, categories)
                        for r in task.refs]
                tasks.append({"task": task, "refs": refs, "units_text": refs_as_text(task.refs),
                              "empty": not refs, "merged": bool(task.shares_units_of),
                              "guessed": any(r["guessed"] or r["unresolved"] for r in refs)})
            sections.append({"section": section, "tasks": tasks})
        parts.append({"part": part, "sections": sections})
    return parts


def _counts(parts: list[dict]) -> dict[str, int]:
    tasks = [t for p in parts for s in p["sections"] for t in s["tasks"]]
    return {key: sum(1 for t in tasks if t[key]) for key in ("empty", "merged", "guessed")}


@_office_only
def import_preview(request):
    """Step 2: the parsed plan, every unresolved name highlighted with its fixes."""
    stored = _stored(request)
    if stored is None:
        messages.info(request, _("请先上传方案文件。"))
        return redirect("plans:import")
    parsed = attempt(request, lambda: plan_parse_lines(
        lines=_lines(stored), year=stored["year"], edits=stored.get("edits")))
    if not parsed.ok:
        return redirect("plans:import")
    result = parsed.value
    new_units = stored.get("new_units", {})
    pending = [(n, ln) for n, ln in result.unresolved if n not in new_units]
    occurrences = Counter(r.name for _t, r in result.parsed.refs())
    parts = _preview_parts(result, new_units)
    return render(request, "plans/import_preview.html", {
        "stored": stored, "result": result, "parts": parts, "flags": _counts(parts),
        "year_form": PlanYearForm(initial={"year": stored["year"]}),
        "pending": [{"name": n, "line": ln, "count": occurrences[n],
                     "map_form": MapNameForm(initial={"name": n}, auto_id=f"id_map{i}_%s"),
                     "new_form": NewUnitForm(initial={"name": n}, auto_id=f"id_new{i}_%s")}
                    for i, (n, ln) in enumerate(pending)],
        "new_units": {n: dict(UnitCategory.choices).get(c, c) for n, c in new_units.items()},
        "existing_plan": Plan.objects.filter(year=stored["year"]).first(),
    })


@require_POST
@_office_only
def import_map(request):
    """Map an unresolved name to an existing unit; the registry learns the alias."""
    form = MapNameForm(request.POST)
    if form.is_valid():
        attempt(request, lambda: unit_alias_add(
            unit=form.cleaned_data["unit"], name=form.cleaned_data["name"], actor=request.user),
            success=_("已将“%(name)s”记为“%(unit)s”的别名。") % {
                "name": form.cleaned_data["name"], "unit": form.cleaned_data["unit"].name})
    else:
        messages.error(request, _("请选择对应的单位。"))
    return redirect("plans:import_preview")


@require_POST
@_office_only
def import_new_unit(request):
    """Mark an unresolved name to be created as a unit when the import is confirmed."""
    stored = _stored(request)
    form = NewUnitForm(request.POST)
    if stored is None:
        return redirect("plans:import")
    if form.is_valid():
        stored.setdefault("new_units", {})[form.cleaned_data["name"]] = \
            form.cleaned_data["category"]
        request.session.modified = True
    return redirect("plans:import_preview")


@require_POST
@_office_only
def import_year(request):
    """Change the year of the plan being previewed."""
    stored = _stored(request)
    form = PlanYearForm(request.POST)
    if stored is None:
        return redirect("plans:import")
    if form.is_valid():
        stored["year"] = form.cleaned_data["year"]
        request.session.modified = True
    else:
        messages.error(request, _("年度须为2000至2100之间的整数。"))
    return redirect("plans:import_preview")


@require_POST
@_office_only
def import_units(request):
    """Keep the office's corrections of units (one text per task) for confirmation.
    A text equal to what the importer read is not an edit."""
    stored = _stored(request)
    if stored is None:
        return redirect("plans:import")
    edits = dict(stored.get("edits") or {})
    for key, value in request.POST.items():
        if key.startswith("units-") and key[6:].isdigit():
            original = request.POST.get(f"original-{key[6:]}", "")
            if value.strip() != original.strip() or key[6:] in edits:
                edits[key[6:]] = value.strip()[:MAX_EDIT_CHARS]
    stored["edits"] = edits
    request.session.modified = True
    messages.success(request, _("已保存对%(n)s项任务责任单位的修改。") % {"n": len(edits)})
    return redirect("plans:import_preview")


@require_POST
@_office_only
def import_confirm(request):
    """Step 3: import for real (atomically), then show the look-back."""
    stored = _stored(request)
    if stored is None:
        return redirect("plans:import")
    imported = attempt(request, lambda: plan_import_lines(
        lines=_lines(stored), year=stored["year"], new_units=stored.get("new_units") or None,
        edits=stored.get("edits") or None, source_name=stored.get("name", ""),
        actor=request.user), success=lambda result: _(
            "已导入%(year)s年分工方案：%(tasks)s项任务。") % {
            "year": result.plan.year, "tasks": result.counts["tasks"]})
    if not imported.ok:
        return redirect("plans:import_preview")
    result = imported.value
    del request.session[SESSION_KEY]
    for note in result.kept:
        messages.warning(request, note)
    return redirect("plans:import_look_back", year=result.plan.year)


def _look_back_post(request, plan: Plan, unfinished):
    """Follow-ups for the ticked rows, or (``scope=all``, after a confirmation page)
    for every row the filters select."""
    if request.POST.get("scope") == "all":
        listing = LOOK_BACK.read(request, unfinished, plan=plan, rows=unfinished)
        selected = listing.rows
        if "confirm" not in request.POST:
            pending = selected.exclude(follow_ups__plan=plan)
            return render(request, "plans/look_back_confirm.html", {
                "plan": plan, "listing": listing, "pending": pending.count(),
                "sample": list(pending[:20]), "query": request.GET.urlencode()})
    else:
        chosen = {parse_int(v, minimum=1) for v in request.POST.getlist("assignment")[:1000]}
        selected = unfinished.filter(pk__in=chosen - {None})
        if not chosen - {None}:
            messages.error(request, _("没有勾选任何工作，未生成整改跟踪。"))
            return None
    created = follow_ups_create(plan=plan, assignments=selected, actor=request.user)
    messages.success(request, _("已生成%(n)s条整改跟踪。") % {"n": created})
    return None


@_office_only
def import_look_back(request, year: int):
    """回头看: the previous year's unfinished work, and creating follow-ups for it.
    Nothing is ticked in advance; the filters, sort and page are in the URL."""
    plan = get_object_or_404(Plan, year=year)
    unfinished = unfinished_from_previous_year(plan)
    if request.method == "POST":
        response = _look_back_post(request, plan, unfinished)
        if response is not None:
            return response
        query = request.GET.urlencode()
        return redirect(reverse("plans:import_look_back", args=[year])
                        + (f"?{query}" if query else ""))
    listing = LOOK_BACK.read(request, unfinished, plan=plan, rows=unfinished)
    followed = set(plan.follow_ups.filter(previous__in=[a.pk for a in listing.page])
                   .values_list("previous_id", flat=True))
    return render(request, "plans/import_done.html", {
        "plan": plan, "listing": listing, "previous_year": year - 1,
        "rows": [{"assignment": a, "followed": a.pk in followed} for a in listing.page],
        "total": unfinished.count(), "followed_total": plan.follow_ups.count(),
        "assignments_count": Assignment.objects.filter(task__plan=plan).count(),
    })
