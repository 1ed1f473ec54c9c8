"""FOI factories (factory_boy). Other FOI areas add theirs in factories_<area>.py."""
import datetime as dt

import factory
from factory.django import DjangoModelFactory

from gongkai.foi.codes import AppealKind, AppealResult, ApplicantType, Channel
from gongkai.foi.models import (
    Appeal,
    Application,
    Fee,
    FeeBasis,
    IdType,
    Pause,
    PauseKind,
    Status,
    Supplement,
)
from gongkai.orgs.tests.factories import UnitFactory
from gongkai.workdays.calendar import Calendar, compute_due

# A valid 居民身份证 number (GB 11643 check digit) for tests that need one.
VALID_RESIDENT_ID = "11010519491231002X"


def _due(received: dt.date | None) -> dt.date | None:
    # Weekends-only arithmetic: fine for fixtures; services recompute with the real
    # calendar whenever an input changes.
    return compute_due(Calendar(), received).due if received else None


class ApplicationFactory(DjangoModelFactory):
    """A received application in processing, numbered, with its due date set."""

    class Meta:
        model = Application

    unit = factory.SubFactory(UnitFactory)
    number = factory.Sequence(lambda n: f"埔依申〔2026〕第{n + 1:04d}号")
    applicant_type = ApplicantType.NATURAL_PERSON
    applicant_name = factory.Sequence(lambda n: f"申请人{n + 1}")
    id_type = IdType.RESIDENT_ID
    id_number = VALID_RESIDENT_ID
    phone = "13800138000"
    email = "applicant@example.com"
    address = "广州市黄埔区测试路1号"
    description = "请公开2025年度区级财政预算执行情况。"
    channel = Channel.IN_PERSON
    received_on = dt.date(2026, 3, 2)
    due_on = factory.LazyAttribute(lambda o: _due(o.received_on))
    status = Status.PROCESSING


class PendingApplicationFactory(ApplicationFactory):
    """Submitted online, not yet confirmed as received: no number, no date."""

    number = ""
    channel = Channel.ONLINE
    received_on = None
    status = Status.PENDING


class SupplementFactory(DjangoModelFactory):
    class Meta:
        model = Supplement

    application = factory.SubFactory(ApplicationFactory)
    requested_on = factory.LazyAttribute(lambda o: o.application.received_on)
    items = "请明确所需信息的文号或形成时间。"
    reply_by = factory.LazyAttribute(lambda o: o.requested_on + dt.timedelta(days=15))


class PauseFactory(DjangoModelFactory):
    class Meta:
        model = Pause

    application = factory.SubFactory(ApplicationFactory)
    kind = PauseKind.THIRD_PARTY
    party = "某科技有限公司"
    started_on = factory.LazyAttribute(lambda o: o.application.received_on
                                       + dt.timedelta(days=3))
    answer_by = factory.LazyAttribute(lambda o: o.started_on + dt.timedelta(days=21))


class FeeFactory(DjangoModelFactory):
    class Meta:
        model = Fee

    application = factory.SubFactory(ApplicationFactory)
    basis = FeeBasis.PER_VOLUME
    quantity = 250
    calculated_yuan = 4700
    amount_yuan = 4700
    notice_on = factory.LazyAttribute(lambda o: o.application.received_on
                                      + dt.timedelta(days=3))
    pay_by = factory.LazyAttribute(lambda o: o.notice_on + dt.timedelta(days=28))


class AppealFactory(DjangoModelFactory):
    class Meta:
        model = Appeal

    application = factory.SubFactory(ApplicationFactory, status=Status.REPLIED,
                                     outcome="1", replied_on=dt.date(2026, 3, 20))
    kind = AppealKind.RECONSIDERATION
    filed_on = dt.date(2026, 4, 10)
    body = "广州市黄埔区人民政府"
    result = AppealResult.PENDING
