"""The office edits the check rules: thresholds, deductions and caps."""
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gongkai.websites import permissions as perms
from gongkai.websites.selectors.rules import rule_rows
from gongkai.websites.services.rules import rules_save


@login_required
def rules_page(request):
    if not perms.can_edit_rules(request.user):
        raise PermissionDenied
    rows, errors = rule_rows(), {}
    if request.method == "POST":
        values = {}
        for row in rows:
            if row["key"] not in request.POST:
                continue  # not on the form that was sent: left as it is
            raw = request.POST[row["key"]].strip()
            row["value"] = raw
            try:
                values[row["key"]] = Decimal(raw)
            except InvalidOperation:
                errors[row["key"]] = _("请输入数字。")
        if not errors:
            errors = rules_save(values=values, actor=request.user)
        if not errors:
            messages.success(request, _("检查规则已保存。"))
            return redirect("websites:rules")
    for row in rows:
        row["error"] = errors.get(row["key"], "")
    return render(request, "websites/rules.html", {"rows": rows},
                  status=400 if errors else 200)
