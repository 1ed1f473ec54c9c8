"""Whether an answer helped: one rating per answer shown for one question."""
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gongkai.core.errors import ApplicationError
from gongkai.qa.models import QaEntry, QuestionLog, Rating


def rating_record(*, log: QuestionLog, entry: QaEntry, useful: bool) -> Rating:
    """Record the rating; a second rating of the same shown answer is refused."""
    try:
        with transaction.atomic():
            return Rating.objects.create(log=log, entry=entry, useful=bool(useful))
    except IntegrityError as error:
        raise ApplicationError(_("您已评价过这条答复，谢谢。")) from error
