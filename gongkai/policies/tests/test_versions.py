"""Two staff editing the same policy draft: the second save is refused with both
versions shown and nothing typed lost."""
import pytest

from django.urls import reverse

from gongkai.core.testing import assert_stale_save_refused
from gongkai.orgs.tests.factories import UserFactory
from gongkai.policies.models import PolicyDocument
from gongkai.policies.tests.factories_policies import make_document

pytestmark = pytest.mark.django_db


def test_a_stale_policy_draft_save_is_refused(unit_staff, client_for):
    document = make_document(published=False, unit=unit_staff.unit, author=unit_staff,
                             title="关于停车管理的通知")
    html = assert_stale_save_refused(
        url=reverse("policies:document_edit", args=[document.pk]),
        first=client_for(unit_staff), second=client_for(UserFactory(unit=unit_staff.unit)),
        change_first={"title": "甲改过的通知标题"},
        change_second={"source_name": "乙填写的来源"},
        reread=lambda: PolicyDocument.objects.values_list("title", "source_name").get(
            pk=document.pk))
    assert "两个版本对照" in html
