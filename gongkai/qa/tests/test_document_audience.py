"""A Q&A entry never shows the public a policy document of limited audience."""
import pytest

from django.test import Client
from django.urls import reverse

from gongkai.core.errors import ApplicationError
from gongkai.orgs.tests.factories import UnitFactory, UserFactory
from gongkai.policies.tests.factories_policies import make_document
from gongkai.publishing.models import Audience
from gongkai.qa.models import QaEntry
from gongkai.qa.services.entries import EntryData, entry_create, entry_update
from gongkai.qa.tests.factories_qa import publish

pytestmark = pytest.mark.django_db


def data(documents, question="企业补贴怎么申请？"):
    return EntryData(question=question, answer="按通知办理。", topic="other",
                     alternatives=[], sources="", documents=documents)


@pytest.fixture
def staff():
    return UserFactory()


@pytest.fixture
def internal_document():
    document = make_document(title="内部工作规程（限工作人员）")
    type(document).objects.filter(pk=document.pk).update(audience=Audience.STAFF)
    document.refresh_from_db()
    return document


@pytest.fixture
def public_document():
    return make_document(title="关于支持企业发展的若干措施")


def test_a_public_entry_citing_a_staff_only_document_is_refused_at_save(
        staff, internal_document, public_document):
    with pytest.raises(ApplicationError, match="内部工作规程.*公开范围"):
        entry_create(data=data([public_document, internal_document]), unit=staff.unit,
                     actor=staff)
    assert not QaEntry.objects.exists()
    entry = entry_create(data=data([public_document]), unit=staff.unit, actor=staff)
    with pytest.raises(ApplicationError, match="公开范围"):
        entry_update(entry=entry, data=data([internal_document]), actor=staff)
    assert list(entry.documents.all()) == [public_document]


def test_a_staff_entry_may_cite_a_staff_document(staff, internal_document):
    entry = QaEntry.objects.create(unit=staff.unit, author=staff, question="内部问题？", answer="答。",
                                   audience=Audience.STAFF)
    entry_update(entry=entry, data=data([internal_document], "内部问题？"), actor=staff)
    assert list(entry.documents.all()) == [internal_document]


def test_units_entry_cites_a_units_document_only_for_the_same_units(staff, public_document):
    unit_a, unit_b = UnitFactory(), UnitFactory()
    document = make_document(title="限定单位文件")
    type(document).objects.filter(pk=document.pk).update(audience=Audience.UNITS)
    document.audience_units.set([unit_a])
    document.refresh_from_db()
    entry = QaEntry.objects.create(unit=staff.unit, author=staff, question="单位问题？", answer="答。",
                                   audience=Audience.UNITS)
    entry.audience_units.set([unit_a, unit_b])
    with pytest.raises(ApplicationError, match="限定单位文件"):
        entry_update(entry=entry, data=data([document], "单位问题？"), actor=staff)
    entry.audience_units.set([unit_a])
    entry_update(entry=entry, data=data([document], "单位问题？"), actor=staff)
    assert list(entry.documents.all()) == [document]


def test_the_public_page_never_names_a_document_narrowed_later(
        staff, public_document, internal_document):
    entry = entry_create(data=data([public_document]), unit=staff.unit, actor=staff)
    publish(entry)
    # Cited while public; its audience narrowed afterwards (or cited by older code).
    entry.documents.add(internal_document)
    html = Client().get(reverse("qa:entry", args=[entry.pk])).content.decode()
    assert "关于支持企业发展的若干措施" in html
    assert "内部工作规程" not in html
