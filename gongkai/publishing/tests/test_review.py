"""Review before publication on catalog items (any Publishable behaves the same)."""
import pytest

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from gongkai.core.errors import ApplicationError
from gongkai.core.models import AuditEvent
from gongkai.orgs.tests.factories import OfficeAdminFactory, ReviewerFactory, UserFactory
from gongkai.publishing.models import (
    CatalogItem,
    Finding,
    FindingStatus,
    PublicationStatus,
    Review,
    ReviewRoute,
    ReviewStatus,
    SensitiveWord,
)
from gongkai.publishing.services import (
    content_scan,
    content_submit_for_review,
    content_withdraw,
    finding_accept,
    finding_mask,
    finding_remove,
    review_decide,
    review_route_set,
)
from gongkai.publishing.tests.factories_publishing import CatalogItemFactory, valid_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return UserFactory()


def reviewers_of(unit, n):
    return [ReviewerFactory(unit=unit) for _ in range(n)]


def make_item(author, text="本单位的职能和联系方式。", levels=None):
    item = CatalogItemFactory(unit=author.unit, author=author, description=text)
    if levels is not None:
        ReviewRoute.objects.create(unit=author.unit, levels=levels)
    return item


def fresh(item):
    return CatalogItem.objects.get(pk=item.pk)


@pytest.mark.parametrize("levels", [1, 2, 3])
def test_each_level_by_a_different_reviewer_publishes_after_the_last(author, levels):
    item = make_item(author, levels=levels)
    review = content_submit_for_review(obj=item, actor=author)
    assert fresh(item).publication_status == PublicationStatus.IN_REVIEW
    assert review.levels_required == levels
    for level, reviewer in enumerate(reviewers_of(author.unit, levels), start=1):
        assert fresh(item).publication_status == PublicationStatus.IN_REVIEW
        review = review_decide(review=review, reviewer=reviewer, passed=True)
        assert review.decisions.get(level=level).reviewer == reviewer
    item = fresh(item)
    assert item.publication_status == PublicationStatus.PUBLISHED
    assert item.published_at is not None
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.PASSED
    actions = list(AuditEvent.objects.filter(object_id=str(item.pk)).values_list(
        "action", flat=True))
    assert "publishing.content.submitted" in actions
    assert "publishing.content.published" in actions


def test_default_is_three_levels_and_district_default_route_applies(author):
    review = content_submit_for_review(obj=make_item(author), actor=author)
    assert review.levels_required == 3
    ReviewRoute.objects.create(unit=None, levels=1)
    other = UserFactory()
    review = content_submit_for_review(obj=make_item(other), actor=other)
    assert review.levels_required == 1


def test_author_cannot_review_own_item(author):
    author_reviewer = ReviewerFactory(unit=author.unit)
    item = make_item(author, levels=1)
    item.author = author_reviewer
    item.save()
    review = content_submit_for_review(obj=item, actor=author)
    with pytest.raises(ApplicationError, match="不能审核自己"):
        review_decide(review=review, reviewer=author_reviewer, passed=True)
    assert fresh(item).publication_status == PublicationStatus.IN_REVIEW
    assert not review.decisions.exists()


def test_same_person_cannot_pass_two_levels(author):
    item = make_item(author, levels=2)
    reviewer = ReviewerFactory(unit=author.unit)
    review = content_submit_for_review(obj=item, actor=author)
    review_decide(review=review, reviewer=reviewer, passed=True)
    with pytest.raises(ApplicationError, match="两个级别"):
        review_decide(review=review, reviewer=reviewer, passed=True)
    review.refresh_from_db()
    assert review.current_level == 2 and review.decisions.count() == 1
    assert fresh(item).publication_status == PublicationStatus.IN_REVIEW


def test_unit_staff_and_reviewers_of_other_units_cannot_decide(author):
    item = make_item(author, levels=1)
    review = content_submit_for_review(obj=item, actor=author)
    for outsider in (UserFactory(unit=author.unit), ReviewerFactory()):
        with pytest.raises(PermissionDenied):
            review_decide(review=review, reviewer=outsider, passed=True)
    assert not review.decisions.exists()


def test_listed_reviewers_only_when_route_lists_them(author):
    listed, unlisted = ReviewerFactory(unit=author.unit), ReviewerFactory(unit=author.unit)
    office = OfficeAdminFactory()
    review_route_set(unit=author.unit, levels=1, reviewers=[listed], actor=office)
    review = content_submit_for_review(obj=make_item(author), actor=author)
    with pytest.raises(PermissionDenied):
        review_decide(review=review, reviewer=unlisted, passed=True)
    with pytest.raises(PermissionDenied):
        review_decide(review=review, reviewer=office, passed=True)
    review_decide(review=review, reviewer=listed, passed=True)
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.PASSED


def test_office_admin_reviews_when_route_lists_nobody(author):
    review = content_submit_for_review(obj=make_item(author, levels=1), actor=author)
    review_decide(review=review, reviewer=OfficeAdminFactory(), passed=True)
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.PASSED


def test_return_needs_a_reason_and_closes_the_round(author):
    item = make_item(author, levels=2)
    first, second = reviewers_of(author.unit, 2)
    review = content_submit_for_review(obj=item, actor=author)
    review_decide(review=review, reviewer=first, passed=True)
    with pytest.raises(ApplicationError, match="退回理由"):
        review_decide(review=review, reviewer=second, passed=False, reason="   ")
    assert review.decisions.count() == 1
    review_decide(review=review, reviewer=second, passed=False, reason="联系方式有误")
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.RETURNED
    assert fresh(item).publication_status == PublicationStatus.RETURNED
    with pytest.raises(ApplicationError):
        review_decide(review=review, reviewer=ReviewerFactory(unit=author.unit), passed=True)
    # Resubmission opens a new round in which the first reviewer may decide again.
    again = content_submit_for_review(obj=fresh(item), actor=author)
    assert again.pk != review.pk and again.current_level == 1
    review_decide(review=again, reviewer=first, passed=True)
    review_decide(review=again, reviewer=second, passed=True)
    assert fresh(item).publication_status == PublicationStatus.PUBLISHED


def test_open_finding_blocks_publication_until_masked(author):
    number = valid_id()
    item = make_item(author, text=f"联系人身份证号{number}，请核对。", levels=2)
    first, second = reviewers_of(author.unit, 2)
    review = content_submit_for_review(obj=item, actor=author)
    [finding] = Finding.objects.filter(status=FindingStatus.OPEN)
    assert number not in finding.excerpt and "4401**********" in finding.excerpt
    review_decide(review=review, reviewer=first, passed=True)
    with pytest.raises(ApplicationError, match="居民身份证号码"):
        review_decide(review=review, reviewer=second, passed=True)
    assert fresh(item).publication_status == PublicationStatus.IN_REVIEW
    assert review.decisions.count() == 1

    finding = Finding.objects.get(status=FindingStatus.OPEN)
    finding_mask(finding=finding, actor=author)
    stored = fresh(item).description
    assert number not in stored
    assert f"{number[:4]}**********{number[-4:]}" in stored
    assert Finding.objects.get(pk=finding.pk).status == FindingStatus.MASKED
    review_decide(review=review, reviewer=second, passed=True)
    assert fresh(item).publication_status == PublicationStatus.PUBLISHED


def test_finding_remove_and_accept(author):
    SensitiveWord.objects.create(word="内部口径")
    item = make_item(author, text="手机13812345678；内部口径；严格保守秘密。", levels=1)
    review = content_submit_for_review(obj=item, actor=author)
    by_kind = {f.kind: f for f in Finding.objects.filter(status=FindingStatus.OPEN)}
    assert set(by_kind) == {"mobile", "word", "classification"}
    reviewer = ReviewerFactory(unit=author.unit)
    finding_remove(finding=by_kind["mobile"], actor=reviewer, replacement="（已删除）")
    finding_remove(finding=by_kind["word"], actor=reviewer)
    with pytest.raises(ApplicationError, match="理由"):
        finding_accept(finding=by_kind["classification"], actor=reviewer, reason=" ")
    finding_accept(finding=by_kind["classification"], actor=reviewer, reason="保密要求的表述")
    assert fresh(item).description == "手机（已删除）；；严格保守秘密。"
    review_decide(review=review, reviewer=reviewer, passed=True)
    assert fresh(item).publication_status == PublicationStatus.PUBLISHED


def test_rescan_keeps_accepted_findings_and_replaces_open_ones(author):
    item = make_item(author, text="保守秘密。电话13812345678。")
    findings = content_scan(obj=item)
    accepted = next(f for f in findings if f.kind == "classification")
    finding_accept(finding=accepted, actor=OfficeAdminFactory(), reason="通用表述")
    item.description = "前言。保守秘密。电话13912345678。"
    item.save()
    result = content_scan(obj=item)
    assert [(f.kind, f.status) for f in result] == [
        ("classification", FindingStatus.ACCEPTED), ("mobile", FindingStatus.OPEN)]
    assert result[0].pk == accepted.pk and result[0].start == 5
    assert Finding.objects.count() == 2
    item.description = "无敏感信息。"
    item.save()
    assert content_scan(obj=item) == []
    assert not Finding.objects.exists()


def test_mask_of_repeated_match_resolves_every_occurrence(author):
    item = make_item(author, text="电话13812345678，再次：13812345678。")
    findings = content_scan(obj=item)
    assert len(findings) == 2
    finding_mask(finding=findings[1], actor=author)
    assert fresh(item).description == "电话138****5678，再次：138****5678。"
    assert not Finding.objects.filter(status=FindingStatus.OPEN).exists()


def test_resolving_twice_or_after_text_changed_is_refused(author):
    item = make_item(author, text="电话13812345678。")
    [finding] = content_scan(obj=item)
    CatalogItem.objects.filter(pk=item.pk).update(description="电话已删。")
    with pytest.raises(ApplicationError, match="重新扫描"):
        finding_mask(finding=finding, actor=author)
    assert Finding.objects.get(pk=finding.pk).status == FindingStatus.OPEN
    CatalogItem.objects.filter(pk=item.pk).update(description="电话13812345678。")
    finding_mask(finding=finding, actor=author)
    with pytest.raises(ApplicationError, match="已处理"):
        finding_accept(finding=finding, actor=author, reason="x")


def test_findings_of_attachment_like_sources_are_scanned(author, monkeypatch):
    """Every source of the contract is scanned, not only the fields."""
    item = make_item(author)
    monkeypatch.setattr(CatalogItem, "scan_sources", lambda self: [
        ("description", self.description), ("附件：名单.pdf", f"身份证{valid_id()}")])
    [finding] = content_scan(obj=item)
    assert finding.source == "附件：名单.pdf" and finding.kind == "id_number"


def test_edit_during_review_is_caught_by_the_final_pass(author):
    item = make_item(author, levels=1)
    review = content_submit_for_review(obj=item, actor=author)
    CatalogItem.objects.filter(pk=item.pk).update(description="新增电话13812345678")
    with pytest.raises(ApplicationError, match="手机号码"):
        review_decide(review=review, reviewer=ReviewerFactory(unit=author.unit), passed=True)
    assert Finding.objects.filter(status=FindingStatus.OPEN).count() == 1
    assert fresh(item).publication_status == PublicationStatus.IN_REVIEW


def test_one_open_review_per_item(author):
    item = make_item(author)
    review = content_submit_for_review(obj=item, actor=author)
    with pytest.raises(ApplicationError):
        content_submit_for_review(obj=fresh(item), actor=author)
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(content_type=review.content_type, object_id=item.pk,
                              levels_required=1)
    assert Review.objects.count() == 1


def test_withdraw_needs_reason_and_allows_resubmission(author):
    item = make_item(author, levels=1)
    review = content_submit_for_review(obj=item, actor=author)
    review_decide(review=review, reviewer=ReviewerFactory(unit=author.unit), passed=True)
    with pytest.raises(ApplicationError, match="撤回理由"):
        content_withdraw(obj=fresh(item), actor=author, reason="")
    content_withdraw(obj=fresh(item), actor=author, reason="内容已过时")
    assert fresh(item).publication_status == PublicationStatus.WITHDRAWN
    event = AuditEvent.objects.filter(action="publishing.content.withdrawn").get()
    assert event.details["reason"] == "内容已过时"
    content_submit_for_review(obj=fresh(item), actor=author)
    assert fresh(item).publication_status == PublicationStatus.IN_REVIEW


@pytest.mark.parametrize("status", [PublicationStatus.DRAFT, PublicationStatus.RETURNED,
                                    PublicationStatus.IN_REVIEW])
def test_illegal_moves_raise_and_change_nothing(author, status):
    item = make_item(author, text=f"身份证{valid_id()}")
    CatalogItem.objects.filter(pk=item.pk).update(publication_status=status)
    before_events = AuditEvent.objects.count()
    with pytest.raises(ApplicationError):
        content_withdraw(obj=fresh(item), actor=author, reason="理由")
    assert fresh(item).publication_status == status
    if status != PublicationStatus.IN_REVIEW:
        return
    with pytest.raises(ApplicationError):
        content_submit_for_review(obj=fresh(item), actor=author)
    assert not Review.objects.exists() and not Finding.objects.exists()
    assert AuditEvent.objects.count() == before_events


def test_published_item_cannot_be_resubmitted_or_masked(author):
    item = make_item(author, levels=1)
    review = content_submit_for_review(obj=item, actor=author)
    review_decide(review=review, reviewer=ReviewerFactory(unit=author.unit), passed=True)
    with pytest.raises(ApplicationError):
        content_submit_for_review(obj=fresh(item), actor=author)
    CatalogItem.objects.filter(pk=item.pk).update(description="电话13812345678")
    content_type = ContentType.objects.get_for_model(CatalogItem)
    finding = Finding.objects.create(content_type=content_type, object_id=item.pk,
                                     source="description", kind="mobile", start=2, end=13,
                                     excerpt="x", fingerprint="0" * 64)
    with pytest.raises(ApplicationError, match="撤回"):
        finding_mask(finding=finding, actor=author)
    assert fresh(item).description == "电话13812345678"


def test_route_levels_and_reviewers_are_validated():
    office = OfficeAdminFactory()
    staff = UserFactory()
    with pytest.raises(ApplicationError):
        review_route_set(unit=None, levels=4, reviewers=[], actor=office)
    with pytest.raises(ApplicationError, match="不是审核人"):
        review_route_set(unit=staff.unit, levels=1, reviewers=[staff], actor=office)
    with pytest.raises(ApplicationError, match="不能少于"):
        review_route_set(unit=staff.unit, levels=2, reviewers=[ReviewerFactory()], actor=office)
    assert not ReviewRoute.objects.exists()
    route = review_route_set(unit=None, levels=2, reviewers=[], actor=office)
    assert route.unit is None and route.levels == 2
    assert review_route_set(unit=None, levels=1, reviewers=[], actor=office).pk == route.pk


def test_policy_document_goes_through_the_same_review(author):
    from gongkai.policies.models import PolicyDocument

    number = valid_id()
    document = PolicyDocument.objects.create(
        kind="normative", unit=author.unit, author=author, title="关于<b>测试</b>的通知",
        body_html=f"<p>联系人身份证{number}。</p>", body_text=f"联系人身份证{number}。")
    ReviewRoute.objects.create(unit=author.unit, levels=2)
    review = content_submit_for_review(obj=document, actor=author)
    [finding] = Finding.objects.filter(object_id=document.pk, status=FindingStatus.OPEN)
    assert finding.source == "body"
    finding_mask(finding=finding, actor=author)
    document.refresh_from_db()
    assert number not in document.body_text and number not in document.body_html
    for reviewer in reviewers_of(author.unit, 2):
        review_decide(review=review, reviewer=reviewer, passed=True)
    document.refresh_from_db()
    assert document.publication_status == PublicationStatus.PUBLISHED
