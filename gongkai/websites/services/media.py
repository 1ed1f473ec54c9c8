"""The new-media spot-check form: accounts cannot be crawled, so a person checks them
against the indicators and attaches screenshots as evidence."""
import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.core.uploads import IMAGE, check_upload
from gongkai.websites.events import WebsitesEvent
from gongkai.websites.models import (
    Finding,
    FindingSource,
    MediaCheck,
    NewMediaAccount,
    Review,
    Screenshot,
    SpotCheck,
)
from gongkai.websites.rules import NEW_MEDIA_CHECKLIST
from gongkai.websites.selectors.rules import current_rules

MAX_SCREENSHOTS = 20


def silent_too_long(last_post_on: dt.date | None, checked_on: dt.date, rules) -> bool:
    """No post in the ``media.max_silence_days`` before the check (unknown counts)."""
    return (last_post_on is None
            or (checked_on - last_post_on).days > int(rules["media.max_silence_days"]))


@transaction.atomic
def media_check_record(*, account: NewMediaAccount, spot_check: SpotCheck | None,
                       checked_on: dt.date, last_post_on: dt.date | None,
                       problems: list[str], note: str, screenshots: list, actor
                       ) -> MediaCheck:
    """Record the form; each ticked problem (and a silence past the limit) becomes a
    confirmed finding of the account, with the screenshots as its evidence."""
    if checked_on > timezone.localdate():
        raise ApplicationError(_("检查日期不能晚于今天。"))
    if last_post_on and last_post_on > checked_on:
        raise ApplicationError(_("最近发布日期不能晚于检查日期。"))
    unknown = [p for p in problems if p not in NEW_MEDIA_CHECKLIST]
    if unknown:
        raise ApplicationError(_("检查项无效。"))
    if len(screenshots) > MAX_SCREENSHOTS:
        raise ApplicationError(_("截图最多 %(n)s 张。") % {"n": MAX_SCREENSHOTS})
    if problems and not screenshots:
        raise ApplicationError(_("发现问题时请上传截图作为证据。"))
    checked = [(f, check_upload(f, allowed={IMAGE})) for f in screenshots]
    check = MediaCheck.objects.create(account=account, spot_check=spot_check,
                                      checked_on=checked_on, last_post_on=last_post_on,
                                      problems=problems, note=note, checked_by=actor)
    first = None
    for upload, info in checked:
        shot = Screenshot(media_check=check, original_name=info.original_name)
        shot.file.save(info.stored_name(), upload, save=False)
        shot.save()
        first = first or shot
    found = list(problems)
    if silent_too_long(last_post_on, checked_on, current_rules()):
        found.insert(0, "media.not_updated")
    at = timezone.now()
    for code in found:
        detail = note or ""
        if code == "media.not_updated":
            detail = _("最近一次发布：%(d)s。") % {"d": last_post_on or _("未见发布")}
        Finding.objects.create(account=account, spot_check=spot_check, indicator=code,
                               source=FindingSource.OFFICE, detail=detail, observed_at=at,
                               review=Review.CONFIRMED, recorded_by=actor,
                               snapshot=first.file.name if first else "")
    record_event(obj=account, action=WebsitesEvent.ACCOUNT_CHECKED, actor=actor,
                 details={"check": check.pk, "problems": found,
                          "screenshots": len(checked)})
    return check
