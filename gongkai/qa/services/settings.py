"""The tuning row: the thresholds of the answering."""
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.core.errors import ApplicationError
from gongkai.qa.events import QaEvent
from gongkai.qa.models import QaSettings

SETTINGS_PK = 1


def qa_settings() -> QaSettings:
    found = QaSettings.objects.filter(pk=SETTINGS_PK).first()
    if found is None:
        found, _created = QaSettings.objects.get_or_create(pk=SETTINGS_PK)
    return found


@transaction.atomic
def thresholds_set(*, answer: float, suggest: float, actor) -> QaSettings:
    """Set the confidence above which the stored answer is given, and below which the
    question counts as not answered."""
    if not (0 < suggest <= answer <= 1):
        raise ApplicationError(_("阈值须满足：0 < 推荐问题阈值 ≤ 直接答复阈值 ≤ 1。"))
    row = qa_settings()
    before = {"answer": row.answer_threshold, "suggest": row.suggest_threshold}
    row.answer_threshold, row.suggest_threshold = answer, suggest
    row.save(update_fields=["answer_threshold", "suggest_threshold"])
    record_event(obj=row, action=QaEvent.SETTINGS_THRESHOLDS_SET, actor=actor,
                 details={"from": before, "to": {"answer": answer, "suggest": suggest}})
    return row
