import pytest

from gongkai.participation.demo import load_meetings_demo
from gongkai.participation.models import Meeting, SignUp
from gongkai.participation.selectors.meetings import target_progress

pytestmark = pytest.mark.django_db


def test_demo_meets_some_2022_targets_and_misses_others():
    load_meetings_demo()
    load_meetings_demo()
    assert Meeting.objects.count() == 8 and SignUp.objects.count() == 2
    progress = target_progress(year=2022)
    assert progress.district.met and progress.district.held == 3
    assert {r.name for r in progress.met} == {"区发展改革局", "区住房城乡建设局", "黄埔街道"}
    assert progress.not_met
