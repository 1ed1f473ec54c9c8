""".xlsx exports of the FOI lists: the office's overview and the staff's application
list, each holding the rows of the filtered page (every page of it).

Personal data leaves the platform only for who may see it: in the staff list export,
identity numbers, phones, addresses and natural persons' names are masked row by row
unless ``can_see_personal_data`` (a co-handling unit gets the masked form, as on its
page). The overview shows no personal data and its export has none.
"""
from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from gongkai.core.dates import chinese_date
from gongkai.core.xlsx import table_xlsx, xlsx_response
from gongkai.foi import masking
from gongkai.foi.lists import STAFF_APPLICATIONS
from gongkai.foi.permissions import applications_visible_to, can_see_personal_data
from gongkai.foi.views.office import overview_selection
from gongkai.foi.views.staff import _require_staff


def _hints(i) -> str:
    words = [(i.overdue, _("已逾期")), (i.due_soon and not i.overdue, _("即将到期")),
             (i.extended, _("已延期")), (i.provisional, _("期限暂定")),
             (i.stopped, _("暂停计算")), (i.pending, _("待确认"))]
    return "、".join(str(word) for on, word in words if on)


@never_cache
@login_required
@require_GET
def office_overview_export(request):
    unit, overview, _show, items = overview_selection(request)
    rows = [[a.number or str(a.pk), a.unit.name, a.get_status_display(), row["received"],
             row["due"], row["item"].days_left, _hints(row["item"])]
            for row in items for a in [row["item"].application]]
    rows.append([])
    rows.append([_("单位"), _("办理中"), _("即将到期"), _("已逾期"), _("已延期"),
                 _("期限暂定"), _("暂停计算"), _("待确认收到")])
    for c in [*overview.units, overview.total]:
        rows.append([c.unit.name if c.unit else _("合计"), c.open, c.due_soon, c.overdue,
                     c.extended, c.provisional, c.stopped, c.pending])
    title = _("申请办理总览（%(date)s）") % {"date": chinese_date(overview.today)}
    if unit is not None:
        title = f"{unit.name}{title}"
    content = table_xlsx(title=title, rows=rows, widths=(26, 20, 12, 16, 22, 10, 22, 12),
                         headers=[_("登记编号"), _("办理单位"), _("状态"), _("收到日期"),
                                  _("答复期限"), _("剩余工作日"), _("提示")])
    return xlsx_response(content, f"{title}.xlsx")


def _person(user, a) -> list:
    if can_see_personal_data(user, a):
        return [a.applicant_name, a.id_number, a.phone, a.address]
    return [masking.mask_applicant_name(a), masking.mask_id_number(a.id_number),
            masking.mask_phone(a.phone), masking.mask_address(a.address)]


@never_cache
@login_required
@require_GET
def staff_list_export(request):
    _require_staff(request.user)
    listing = STAFF_APPLICATIONS.read(request, applications_visible_to(request.user),
                                      user=request.user)
    rows = ([a.number, *_person(request.user, a), a.unit.name, a.received_on, a.due_on,
             a.get_status_display(), a.get_outcome_display() if a.outcome else ""]
            for a in listing.rows)
    title = _("依申请公开办理（%(date)s）") % {"date": chinese_date(timezone.localdate())}
    content = table_xlsx(title=title, rows=rows,
                         widths=(24, 14, 22, 16, 30, 20, 12, 12, 12, 16),
                         headers=[_("登记编号"), _("申请人"), _("证件号码"), _("联系电话"),
                                  _("通信地址"), _("办理单位"), _("收到日期"), _("答复期限"),
                                  _("状态"), _("答复结果")])
    return xlsx_response(content, f"{title}.xlsx")
