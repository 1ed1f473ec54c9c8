import pytest

from gongkai.core.services import model_update
from gongkai.orgs.models import Unit


def test_model_update_sets_the_allowed_fields_and_names_those_that_changed():
    unit = Unit(name="区测试局", short_name="测试局")
    changed = model_update(unit, {"name": "区测试局", "short_name": "测试"},
                           ["name", "short_name"])
    assert changed == ["short_name"]
    assert (unit.name, unit.short_name) == ("区测试局", "测试")


def test_model_update_refuses_a_field_outside_the_allowed_ones_and_sets_nothing():
    unit = Unit(name="区测试局", short_name="测试局")
    with pytest.raises(ValueError, match="category"):
        model_update(unit, {"short_name": "测试", "category": "park"}, ["short_name"])
    assert unit.short_name == "测试局"


def test_model_update_counts_a_change_after_cleaning_so_padding_alone_is_no_change():
    unit = Unit(name="区测试局", short_name="测试局")

    def strip(obj):
        obj.name, obj.short_name = obj.name.strip(), obj.short_name.strip()

    changed = model_update(unit, {"name": " 区测试局 ", "short_name": " 测试 "},
                           ["name", "short_name"], clean=strip)
    assert changed == ["short_name"]
    assert (unit.name, unit.short_name) == ("区测试局", "测试")
