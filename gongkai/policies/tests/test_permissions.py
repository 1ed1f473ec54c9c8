"""Who may change a document in which publication state (the editable set is the one
of ``gongkai.publishing.permissions.EDITABLE``)."""
import pytest

from gongkai.orgs.tests.factories import UserFactory
from gongkai.policies.permissions import can_edit_document, can_submit_document
from gongkai.policies.tests.factories_policies import make_document
from gongkai.publishing.models import PublicationStatus
from gongkai.publishing.services import content_withdraw

pytestmark = pytest.mark.django_db


def test_a_withdrawn_document_goes_back_to_its_unit_to_correct_and_resubmit():
    staff = UserFactory()
    document = make_document(unit=staff.unit, author=staff)
    assert not can_edit_document(staff, document)  # published: the office corrects
    content_withdraw(obj=document, actor=staff, reason="文号有误")
    document.refresh_from_db()
    assert document.publication_status == PublicationStatus.WITHDRAWN
    assert can_edit_document(staff, document) and can_submit_document(staff, document)
    assert not can_edit_document(UserFactory(), document)  # never another unit
