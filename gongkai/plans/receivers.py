"""Receivers of the plans app's own domain events, connected in ``PlansConfig.ready``:
a report returned or passed tells the reporting unit's staff."""
from django.dispatch import receiver
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from gongkai.core.models import NotificationKind
from gongkai.core.notifications.services import notify
from gongkai.orgs.models import Role, User
from gongkai.plans.events import PlansEvent, report_decided
from gongkai.plans.models import Report


def _about(report: Report) -> dict:
    task = report.assignment.task
    return {"n": task.number, "task": Truncator(task.title or task.text).chars(40),
            "period": report.period.name}


@receiver(report_decided, dispatch_uid="plans.notify_report_decided")
def tell_unit_of_decision(sender, event, report: Report, actor=None, comment: str = "",
                          return_count: int = 0, **kwargs) -> None:
    staff = User.objects.filter(role=Role.UNIT_STAFF, is_active=True,
                                unit_id=report.assignment.unit_id)
    url = reverse("plans:report_detail", args=[report.pk])
    if event == PlansEvent.REPORT_RETURNED:
        text = _("任务%(n)s“%(task)s”的%(period)s推进情况报告被退回整改：%(reason)s") % {
            **_about(report), "reason": Truncator(comment).chars(200)}
        notify(users=staff, text=text, url=url, kind=NotificationKind.RETURNED,
               key=f"plans.report.returned:{report.pk}:{return_count}")
    elif event == PlansEvent.REPORT_PASSED:
        text = _("任务%(n)s“%(task)s”的%(period)s推进情况报告已审核通过。") % _about(report)
        notify(users=staff, text=text, url=url, kind=NotificationKind.APPROVED,
               key=f"plans.report.passed:{report.pk}")
