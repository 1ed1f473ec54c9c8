import datetime

import pytest
import time_machine

from django.template import Context, Template

from gongkai.core.audit import record_event
from gongkai.core.audit_labels import action_label
from gongkai.orgs.events import OrgsEvent
from gongkai.orgs.tests.factories import OfficeAdminFactory, UnitFactory

pytestmark = pytest.mark.django_db


def render_history(obj) -> str:
    return Template("{% load audit %}{% history_for obj %}").render(Context({"obj": obj}))


def test_history_shows_local_time_actor_label_and_details():
    unit = UnitFactory(name="区测试局甲")
    admin = OfficeAdminFactory(display_name="公开办 王某")
    utc_moment = datetime.datetime(2022, 9, 30, 16, 5, tzinfo=datetime.UTC)
    with time_machine.travel(utc_moment, tick=False):
        record_event(obj=unit, action="orgs.unit.updated", actor=admin,
                     details={"reason": "更名"})
    html = render_history(unit)
    assert "2022-10-01 00:05" in html  # Asia/Shanghai, not UTC
    assert "公开办 王某" in html
    assert "修改单位" in html
    assert "原因" in html and "更名" in html


def test_history_escapes_hostile_details():
    unit = UnitFactory()
    record_event(obj=unit, action="orgs.unit.updated",
                 details={"name": "<script>alert(1)</script>", "<b>key</b>": ["<i>x</i>"]})
    html = render_history(unit)
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_unknown_action_code_is_shown_as_is_and_system_events_say_so():
    unit = UnitFactory()
    record_event(obj=unit, action="gongkai.no_such.action")
    html = render_history(unit)
    assert "gongkai.no_such.action" in html
    assert "系统" in html
    assert action_label("gongkai.no_such.action") == "gongkai.no_such.action"


def test_history_lists_only_this_objects_events_oldest_first():
    unit, other = UnitFactory(), UnitFactory()
    record_event(obj=unit, action="orgs.unit.created")
    record_event(obj=unit, action=OrgsEvent.UNIT_ALIAS_ADDED, details={"alias": "测试别名"})
    record_event(obj=other, action="orgs.alias.removed")
    html = render_history(unit)
    assert html.index("新建单位") < html.index("添加别名")
    assert "删除别名" not in html


def test_empty_history_says_so():
    assert "暂无操作记录" in render_history(UnitFactory())
