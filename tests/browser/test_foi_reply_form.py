"""The handler's reply form in a browser (issue 11, item 3): when the reply is refused,
the page comes back with the reply step open, everything typed still there (the outcome
chosen, the reasons, the legal basis, the date) and every error shown at once; fixing
the one field then replies."""
import datetime as dt

import pytest

from django.utils import timezone

from gongkai.foi.models import Application, Status
from gongkai.foi.tests.factories import ApplicationFactory
from gongkai.orgs.models import Role, Unit, User
from tests.browser.conftest import login, submit
from tests.browser.test_foi_flow import open_step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-pass-2"
REASONS = "第3页涉及第三方商业秘密，第三方书面表示不同意公开。"
BASIS = "《中华人民共和国政府信息公开条例》第十五条、第三十二条"


def test_a_refused_reply_keeps_everything_typed_and_shows_all_errors(new_page):
    unit = Unit.objects.create(name="区发展改革局", category="department")
    User.objects.create_user("fgj2", password=PASSWORD, role=Role.UNIT_STAFF, unit=unit)
    today = timezone.localdate()
    application = ApplicationFactory(unit=unit, received_on=today - dt.timedelta(days=3),
                                     due_on=today + dt.timedelta(days=20))

    page = new_page()
    login(page, "fgj2", PASSWORD)
    page.goto(f"/foi/staff/{application.pk}/")
    scope = open_step(page, "reply")
    page.select_option(f"{scope} [name=outcome]", "3.4")
    page.fill(f"{scope} [name=reasons]", REASONS)
    page.fill(f"{scope} [name=legal_basis]", BASIS)
    # A date before the application was even received, and no reason for back-dating.
    bad = (today - dt.timedelta(days=10)).isoformat()
    page.fill(f"{scope} [name=on]", bad)
    submit(page, f"{scope} button[type=submit]")

    assert page.locator("#step-reply").get_attribute("open") is not None
    assert page.input_value(f"{scope} [name=outcome]") == "3.4"
    assert page.input_value(f"{scope} [name=reasons]") == REASONS
    assert page.input_value(f"{scope} [name=legal_basis]") == BASIS
    assert page.input_value(f"{scope} [name=on]") == bad
    errors = page.inner_text(f"{scope} [role=alert]")
    assert "不能早于收到日期" in errors and "补录理由" in errors  # both at once
    assert Application.objects.get(pk=application.pk).status == Status.PROCESSING

    # Correct only the date: nothing else needs typing again.
    page.fill(f"{scope} [name=on]", today.isoformat())
    submit(page, f"{scope} button[type=submit]")
    application.refresh_from_db()
    assert (application.status, application.outcome) == (Status.REPLIED, "3.4")
    assert application.outcome_reasons == REASONS and application.replied_on == today
