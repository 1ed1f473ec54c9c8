import pytest

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from gongkai.orgs.tests.factories import OfficeAdminFactory
from gongkai.policies.demo import load_policies_demo
from gongkai.policies.models import (
    AnnualDecisionCount,
    DocumentKind,
    GazetteIssue,
    PolicyDocument,
    PublicEnterprise,
    Validity,
)
from gongkai.policies.search import search_documents
from gongkai.policies.selectors import same_day_interpretation_share
from gongkai.policies.selectors.validity import EXPIRED, effective_validity
from gongkai.publishing.models import CatalogItem, PublicationStatus, Review, ReviewStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    return load_policies_demo()


def test_second_run_creates_nothing(loaded):
    documents = PolicyDocument.objects.count()
    assert loaded > documents >= 20
    assert load_policies_demo() == 0
    assert PolicyDocument.objects.count() == documents
    assert Review.objects.count() == documents + CatalogItem.objects.count()


def test_second_run_alongside_an_office_admin_creates_nothing():
    OfficeAdminFactory()
    assert load_policies_demo() > 0
    assert load_policies_demo() == 0


def test_public_search_finds_a_demo_document_by_its_number_and_in_traditional_script(loaded):
    by_number = search_documents(query="穗埔府办规[2025]3号")
    assert by_number.hits[0].document.title == "关于印发黄埔区促进中小微企业发展若干措施的通知"
    traditional = search_documents(query="中小微企業發展")
    assert "关于印发黄埔区促进中小微企业发展若干措施的通知" in [
        hit.document.title for hit in traditional.hits]


def test_nothing_is_published_without_a_passed_review(loaded):
    for model in (PolicyDocument, CatalogItem):
        content_type = ContentType.objects.get_for_model(model)
        published = model.objects.filter(publication_status=PublicationStatus.PUBLISHED)
        assert published.count() == model.objects.count()
        for obj in published:
            review = Review.objects.get(content_type=content_type, object_id=obj.pk)
            assert review.status == ReviewStatus.PASSED
            reviewers = list(review.decisions.values_list("reviewer_id", flat=True))
            assert len(reviewers) == review.levels_required == len(set(reviewers))
            assert obj.author_id not in reviewers


def test_validity_states_and_interpretations_show(loaded):
    documents = PolicyDocument.objects.all()
    states = {effective_validity(d) for d in documents}
    assert {Validity.VALID, Validity.AMENDED, Validity.REPEALED, EXPIRED} <= states
    assert documents.filter(validity=Validity.AMENDED).get().amended_by is not None
    assert documents.filter(validity=Validity.REPEALED).get().repealed_by is not None
    assert {d.kind for d in documents} >= {DocumentKind.NORMATIVE, DocumentKind.POLICY,
                                          DocumentKind.ANNOUNCEMENT,
                                          DocumentKind.INTERPRETATION}
    shares = same_day_interpretation_share(year=2025)
    assert sum(same for _unit, _n, same, _share in shares) >= 3
    interpretations = documents.filter(kind=DocumentKind.INTERPRETATION)
    assert any(i.published_on > i.interprets.published_on for i in interpretations)


def test_published_dates_are_moved_to_the_publication_day(loaded):
    for document in PolicyDocument.objects.all():
        assert document.published_at.date() == document.published_on
    assert all(d <= timezone.localdate()
               for d in PolicyDocument.objects.values_list("published_on", flat=True))


def test_gazette_enterprises_counts_and_catalog_exist(loaded):
    assert GazetteIssue.objects.filter(year=2025).count() == 2
    assert all(issue.entries.exists() for issue in GazetteIssue.objects.all())
    assert PublicEnterprise.objects.values("field").distinct().count() >= 5
    assert AnnualDecisionCount.objects.filter(year=2025).count() >= 3
    assert CatalogItem.objects.filter(unit__name="区发展改革局",
                                      publication_status=PublicationStatus.PUBLISHED).count() == 3
