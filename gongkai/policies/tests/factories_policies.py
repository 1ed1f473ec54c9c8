"""Test helpers for the policy library: documents made through the services, and
published the way the review desk would leave them."""
import datetime

from django.utils import timezone

from gongkai.orgs.tests.factories import UnitFactory, UserFactory
from gongkai.policies.models import DocumentKind, PolicyDocument
from gongkai.policies.services import document_create
from gongkai.publishing.models import PublicationStatus


def publish(document: PolicyDocument, on: datetime.date | None = None) -> PolicyDocument:
    """Set the state the publishing services leave (test set-up only)."""
    on = on or document.published_on or timezone.localdate()
    PolicyDocument.objects.filter(pk=document.pk).update(
        publication_status=PublicationStatus.PUBLISHED, published_on=on,
        published_at=timezone.now())
    document.refresh_from_db()
    return document


def make_document(*, published: bool = True, unit=None, author=None, **kwargs
                  ) -> PolicyDocument:
    unit = unit or (author.unit if author else UnitFactory())
    author = author or UserFactory(unit=unit)
    kwargs.setdefault("kind", DocumentKind.NORMATIVE)
    kwargs.setdefault("title", "关于测试的通知")
    document = document_create(unit=unit, author=author, **kwargs)
    return publish(document) if published else document


def ids(result) -> list[int]:
    """The documents a search found, in their order."""
    return [hit.document.pk for hit in result.hits]


def readings(query: str) -> set[str]:
    """Every reading the search gives a query's words (a joined phrase as one string):
    what a lexicon line must add."""
    from gongkai.policies.search.query import analyse

    return {"".join(a) if isinstance(a, tuple) else a
            for g in analyse(query).groups for a in g.alternatives}


def pdf_with_text(text: str) -> bytes:
    """A one-page PDF whose text layer says ``text`` (ASCII), built by hand."""
    stream = f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def docx_with_text(*paragraphs: str) -> bytes:
    import io

    from docx import Document

    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
