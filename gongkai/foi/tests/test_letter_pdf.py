"""Letters as PDF (issue 11, item 4): the applicant downloads every letter as a PDF made
on the server from the letter's own content; staff get the .docx and the PDF; files
are named with the case number; the PDF's text carries the decision date, the case
number and the article."""
import datetime as dt
import io

import pytest
from pypdf import PdfReader

from django.urls import reverse

from gongkai.foi.codes import LetterKind
from gongkai.foi.models import NumberingRule
from gongkai.foi.services.letters import letter_generate
from gongkai.foi.tests.factories import ApplicationFactory
from gongkai.foi.views.public import ACCESS_KEY
from gongkai.orgs.tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def replied():
    unit = UnitFactory(name="区发展改革局", short_name="发改")
    NumberingRule.objects.create(unit=unit, letter_pattern="{unit}依申复〔{year}〕{seq}号",
                                 reconsideration_body="广州市黄埔区人民政府",
                                 court="广州铁路运输法院")
    application = ApplicationFactory(
        unit=unit, number="发改依申〔2025〕第0042号", applicant_name="张小明",
        received_on=dt.date(2025, 12, 1), status="replied", outcome="3.6",
        replied_on=dt.date(2025, 12, 29), outcome_reasons="所申请的会议记录属于讨论记录。")
    letter = letter_generate(application=application, kind=LetterKind.REPLY, actor=None)
    return application, letter


def pdf_text(response) -> str:
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_applicant_downloads_the_reply_as_pdf_with_date_number_and_article(
        client, replied):
    application, letter = replied
    session = client.session
    session[ACCESS_KEY] = application.pk
    session.save()
    page = client.get(reverse("foi:track_application", args=[application.pk])).content
    assert "下载 PDF" in page.decode() and "下载 Word" not in page.decode()
    response = client.get(reverse("foi:letter_download", args=[letter.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert "%E5%8F%91%E6%94%B9%E4%BE%9D%E7%94%B3" in response["Content-Disposition"]  # 发改依申
    text = pdf_text(response).replace(" ", "").replace("\n", "")
    assert "2025年12月29日" in text  # the decision date, not the day generated
    assert "发改依申〔2025〕第0042号" in text and "发改依申复〔2025〕1号" in text
    assert "第十六条第二款" in text and "第五十一条" in text
    assert "广州铁路运输法院" in text


def test_staff_get_the_docx_and_the_same_letter_as_pdf(client_for, replied):
    application, letter = replied
    staff = UserFactory(unit=application.unit)
    client = client_for(staff)
    docx_response = client.get(reverse("foi:letter_file", args=[application.pk, letter.pk]))
    assert docx_response.status_code == 200
    assert ".docx" in docx_response["Content-Disposition"]
    pdf_response = client.get(reverse("foi:letter_pdf", args=[application.pk, letter.pk]))
    assert pdf_response.status_code == 200 and ".pdf" in pdf_response["Content-Disposition"]
    assert "第十六条第二款" in pdf_text(pdf_response).replace(" ", "")


def test_other_units_and_strangers_get_no_pdf(client, client_for, replied):
    application, letter = replied
    assert client.get(reverse("foi:letter_download", args=[letter.pk])).status_code == 404
    other = client_for(UserFactory())
    assert other.get(reverse("foi:letter_download", args=[letter.pk])).status_code == 404
    assert other.get(reverse("foi:letter_pdf", args=[application.pk, letter.pk])
                     ).status_code == 404


def test_the_pdf_is_made_once_from_the_stored_content(client_for, replied):
    application, letter = replied
    client = client_for(UserFactory(unit=application.unit))
    url = reverse("foi:letter_pdf", args=[application.pk, letter.pk])
    first = b"".join(client.get(url).streaming_content)
    # Later edits to the case do not change a letter already issued.
    application.outcome_reasons = "改过的理由"
    application.save()
    second = b"".join(client.get(url).streaming_content)
    assert first == second
