"""The demo policy library (``gongkai.policies.demo_data``): documents of every kind the
public sees, interpretations (most on the same day as their document, one later), an
amendment, a repeal, an expired document, two gazette issues, the public-enterprise
column, table-二 figures for 2025 and a few catalog items of 区发展改革局.

Documents and catalog items reach the public only through the real review: submitted by
their drafter and passed level by level by different reviewers (existing reviewers or
office administrators first, else demo reviewer accounts of the office that cannot sign
in). Afterwards the review's timestamps, the audit events and ``published_at`` are moved
to the document's 发布日期, as if it had been published that day.

Idempotent: a document or catalog item whose title its unit already has, an issue that
exists, an enterprise or a year's figures that exist are left alone.
"""
import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gongkai.core.models import AuditEvent
from gongkai.orgs.huangpu import demo_office
from gongkai.orgs.models import Role, Unit, UnitCategory
from gongkai.policies import demo_data as data
from gongkai.policies.models import (
    AnnualDecisionCount,
    DocumentKind,
    GazetteIssue,
    PolicyDocument,
    PublicEnterprise,
    Topic,
    Validity,
)
from gongkai.policies.services import (
    decision_counts_set,
    document_amend,
    document_create,
    document_repeal,
    document_update,
    enterprise_create,
    gazette_add_document,
    gazette_issue_create,
    interpretation_create,
)
from gongkai.publishing.demo import publish_through_review
from gongkai.publishing.models import (
    CatalogCategory,
    CatalogItem,
    Review,
    ReviewDecision,
)
from gongkai.publishing.services import (
    catalog_categories_ensure,
    catalog_item_create,
)

EDITOR = "policy_demo_editor"
NORMATIVE_CATEGORY = "A20-01"


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _unit(name: str) -> Unit:
    unit = Unit.objects.filter(name=name).first()
    if unit is None:
        category = UnitCategory.STREET_TOWN if name.endswith("街道") else UnitCategory.DEPARTMENT
        unit, _created = Unit.objects.get_or_create(name=name, defaults={"category": category})
    return unit


def _account(username: str, role: str, display_name: str):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"role": role, "unit": demo_office(),
                                     "display_name": display_name})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _author(unit: Unit):
    """The unit's own staff member drafts its documents, else the office's demo editor."""
    staff = (get_user_model().objects.filter(role=Role.UNIT_STAFF, unit=unit, is_active=True)
             .order_by("pk").first())
    return staff or _account(EDITOR, Role.UNIT_STAFF, "政策文件库 演示编辑")


class _Stamp:
    """Moves what the steps since the last mark stamped with the current time (audit
    events, the review and its decisions) to the day they stand for."""

    def __init__(self):
        self.mark()

    def mark(self) -> None:
        self.ids = {model: model.objects.aggregate(m=Max("id"))["m"] or 0
                    for model in (AuditEvent, Review, ReviewDecision)}

    def to(self, day: dt.date) -> None:
        at = _at(day)
        AuditEvent.objects.filter(pk__gt=self.ids[AuditEvent]).update(at=at)
        ReviewDecision.objects.filter(pk__gt=self.ids[ReviewDecision]).update(at=at)
        Review.objects.filter(pk__gt=self.ids[Review]).update(submitted_at=at, closed_at=at)
        self.mark()


def _publish(obj, author, day: dt.date, stamp: _Stamp) -> None:
    """Submit ``obj`` and pass every level, each by a different reviewer."""
    publish_through_review(obj=obj, author=author)
    type(obj).objects.filter(pk=obj.pk).update(published_at=_at(day), created_at=_at(day, 9))
    stamp.to(day)
    obj.refresh_from_db()


def _body(doc: data.Doc) -> str:
    items = "".join(f"<p>{n}. {text}</p>" for n, text in enumerate(doc.measures, start=1))
    return (f"<p>各有关单位：</p><p>为做好相关工作，现就有关事项通知如下。</p>{items}"
            f"<p>本文件由{doc.unit}负责解释。</p><p>{data.DEMO_NOTE}</p>")


def _topics() -> dict[str, Topic]:
    if not Topic.objects.exists():
        for order, name in enumerate(data.TOPICS, start=1):
            Topic.objects.create(name=name, order=order)
    return {topic.name: topic for topic in Topic.objects.all()}


def _document(doc: data.Doc, topics, category, stamp: _Stamp) -> tuple[PolicyDocument, int]:
    unit = _unit(doc.unit)
    existing = PolicyDocument.objects.filter(unit=unit, title=doc.title).first()
    if existing is not None:
        return existing, 0
    author = _author(unit)
    document = document_create(
        unit=unit, author=author, kind=doc.kind, title=doc.title, doc_number=doc.doc_number,
        body_html=_body(doc), written_on=doc.published_on - dt.timedelta(days=7),
        published_on=doc.published_on, effective_on=doc.effective_on,
        expires_on=doc.expires_on, topic=topics.get(doc.topic),
        category=category if doc.kind == DocumentKind.NORMATIVE else None)
    _publish(document, author, doc.published_on, stamp)
    return document, 1 + _interpretation(doc, document, author, stamp)


def _interpretation(doc: data.Doc, document: PolicyDocument, author, stamp: _Stamp) -> int:
    spec = doc.interpretation
    if spec is None:
        return 0
    day = doc.published_on + dt.timedelta(days=spec.days_after)
    title = doc.title.removeprefix("关于印发").removesuffix("的通知")
    interpretation = interpretation_create(
        document=document, form=spec.form, title=f"《{title}》政策解读", author=author,
        unit=document.unit, media_url=spec.media_url,
        body_html=(f"<p>一、制定背景</p><p>为贯彻落实上级部署，结合本区实际，制定本文件。</p>"
                   f"<p>二、主要内容</p><p>{'；'.join(doc.measures)}</p>"
                   f"<p>{data.DEMO_NOTE}</p>"))
    document_update(document=interpretation, actor=author, published_on=day)
    _publish(interpretation, author, day, stamp)
    return 1


def _changes(documents: dict[str, PolicyDocument], actor, stamp: _Stamp) -> None:
    for old, new in data.AMENDMENTS:
        if documents[old].validity == Validity.VALID:
            document_amend(document=documents[old], by=documents[new], actor=actor)
            stamp.to(documents[new].published_on)
    for old, new in data.REPEALS:
        if documents[old].validity != Validity.REPEALED:
            document_repeal(document=documents[old], by=documents[new], actor=actor)
            stamp.to(documents[new].published_on)


def _gazette(documents: dict[str, PolicyDocument], actor, stamp: _Stamp) -> int:
    created = 0
    for year, number, title, day, keys in data.GAZETTE:
        issue = GazetteIssue.objects.filter(year=year, number=number).first()
        if issue is None:
            issue = gazette_issue_create(year=year, number=number, title=title,
                                         published_on=day, actor=actor)
            created += 1
        present = set(issue.entries.values_list("document_id", flat=True))
        for key in keys:
            if documents[key].pk not in present:
                gazette_add_document(issue=issue, document=documents[key], actor=actor)
        stamp.to(day)
    return created


def _enterprises(actor) -> int:
    created = 0
    for order, (name, field, url, supervisor) in enumerate(data.ENTERPRISES, start=1):
        if PublicEnterprise.objects.filter(name=name).exists():
            continue
        enterprise_create(name=name, field=field, url=url, actor=actor, order=order,
                          supervisor=Unit.objects.filter(name=supervisor).first(),
                          note="演示数据")
        created += 1
    return created


def _decision_counts(actor) -> int:
    created = 0
    for name, licensing, penalty, enforcement, fees in data.DECISION_COUNTS:
        unit = _unit(name)
        if AnnualDecisionCount.objects.filter(unit=unit, year=2025).exists():
            continue
        decision_counts_set(unit=unit, year=2025, licensing=licensing, penalty=penalty,
                            enforcement=enforcement, fees_wan_yuan=Decimal(fees), actor=actor)
        created += 1
    return created


def _catalog_items(stamp: _Stamp) -> int:
    unit = _unit(data.FGJ)
    author = _author(unit)
    created = 0
    for code, title, description, basis, made_on, url in data.CATALOG_ITEMS:
        if CatalogItem.objects.filter(unit=unit, title=title).exists():
            continue
        item = catalog_item_create(unit=unit, actor=author,
                                   category=CatalogCategory.objects.get(code=code),
                                   title=title, description=description, basis=basis,
                                   made_on=made_on, url=url)
        _publish(item, author, made_on, stamp)
        created += 1
    return created


@transaction.atomic
def load_policies_demo() -> int:
    """Create the missing demo library rows; returns how many were created (documents
    and interpretations, issues, enterprises, yearly figures, catalog items)."""
    catalog_categories_ensure()
    topics = _topics()
    category = CatalogCategory.objects.filter(code=NORMATIVE_CATEGORY).first()
    stamp = _Stamp()
    documents, created = {}, 0
    for doc in data.DOCUMENTS:
        documents[doc.key], n = _document(doc, topics, category, stamp)
        created += n
    office_actor = (get_user_model().objects.filter(role=Role.OFFICE_ADMIN, is_active=True)
                    .order_by("pk").first() or _author(demo_office()))
    _changes(documents, office_actor, stamp)
    created += _gazette(documents, office_actor, stamp)
    created += _enterprises(office_actor)
    created += _decision_counts(office_actor)
    created += _catalog_items(stamp)
    return created
