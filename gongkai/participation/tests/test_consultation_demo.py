import pytest

from gongkai.participation.demo import CLOSED_TITLE, OPEN_TITLE, load_consultations_demo
from gongkai.participation.models import Consultation, ConsultationComment
from gongkai.publishing.models import PublicationStatus

pytestmark = pytest.mark.django_db


def test_demo_has_an_open_consultation_with_a_campaign_group_and_a_published_feedback():
    load_consultations_demo()
    load_consultations_demo()
    assert Consultation.objects.count() == 2
    open_one = Consultation.objects.get(title=OPEN_TITLE)
    group = open_one.comment_groups.get()
    assert group.comments.count() == 6
    closed = Consultation.objects.get(title=CLOSED_TITLE)
    assert closed.feedback.publication_status == PublicationStatus.PUBLISHED
    assert closed.feedback.data["total"] == 5
    assert ConsultationComment.objects.count() == 15
