"""Two staff editing the same Q&A entry: the second save is refused, both shown."""
import pytest

from django.urls import reverse

from gongkai.core.testing import assert_stale_save_refused
from gongkai.orgs.tests.factories import UserFactory
from gongkai.qa.models import QaEntry
from gongkai.qa.tests.factories_qa import QaEntryFactory

pytestmark = pytest.mark.django_db


def test_a_stale_entry_save_is_refused(unit_staff, client_for):
    entry = QaEntryFactory(unit=unit_staff.unit, author=unit_staff)
    assert_stale_save_refused(
        url=reverse("qa:staff_entry_edit", args=[entry.pk]),
        first=client_for(unit_staff), second=client_for(UserFactory(unit=unit_staff.unit)),
        change_first={"answer": "甲写的答复。"},
        change_second={"sources": "乙补充的依据"},
        reread=lambda: QaEntry.objects.values_list("answer", "sources").get(pk=entry.pk))
