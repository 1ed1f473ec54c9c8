"""Masking of personal data, and the template filters that apply it unless the viewer
may see it in full."""
import pytest

from django.template import Context, Template

from gongkai.foi.codes import ApplicantType
from gongkai.foi.masking import (
    mask_address,
    mask_applicant_name,
    mask_email,
    mask_id_number,
    mask_name,
    mask_phone,
)
from gongkai.foi.models import Application


@pytest.mark.parametrize(("value", "masked"), [
    ("440106199001011234", "4401**********1234"),
    ("11010519491231002X", "1101**********002X"),
    ("E12345678", "E123*5678"),
    ("123456", "****56"),
    ("123", "***"),
    ("", ""),
    (None, ""),
])
def test_identity_numbers_keep_only_their_ends(value, masked):
    assert mask_id_number(value) == masked


@pytest.mark.parametrize(("value", "masked"), [
    ("13812345678", "138****5678"),
    ("020-12345678", "020*****5678"),
    ("12345", "***45"),
    ("", ""),
])
def test_phones_keep_the_prefix_and_the_last_four(value, masked):
    assert mask_phone(value) == masked


@pytest.mark.parametrize(("value", "masked"), [
    ("广东省广州市黄埔区科学大道100号", "广东省广州市黄埔区****"),
    ("广州市黄埔区大沙街道市场路3号", "广州市黄埔区****"),
    ("新疆维吾尔自治区乌鲁木齐市天山区1号", "新疆维吾尔自治区乌鲁木齐市天山区****"),
    ("科学大道100号", "科学****"),
    ("", ""),
])
def test_addresses_keep_only_the_district(value, masked):
    assert mask_address(value) == masked


@pytest.mark.parametrize(("value", "masked"), [
    ("张小明", "张*明"), ("张三", "张*"), ("欧阳小明", "欧**明"), ("王", "王"), ("", ""),
])
def test_names_keep_the_first_and_last_character(value, masked):
    assert mask_name(value) == masked


def test_emails_keep_the_first_letter_and_the_domain():
    assert mask_email("zhangsan@example.cn") == "z*******@example.cn"


def test_only_natural_persons_names_are_masked():
    person = Application(applicant_type=ApplicantType.NATURAL_PERSON, applicant_name="张小明")
    company = Application(applicant_type=ApplicantType.COMMERCIAL,
                          applicant_name="广州某某科技有限公司")
    assert mask_applicant_name(person) == "张*明"
    assert mask_applicant_name(company) == "广州某某科技有限公司"


def render(source: str, **context) -> str:
    return Template("{% load foi_mask %}" + source).render(Context(context))


def test_filters_mask_unless_shown():
    source = "{{ id|mask_id:show }} {{ phone|mask_phone:show }} {{ addr|mask_address:show }}"
    values = {"id": "440106199001011234", "phone": "13812345678", "addr": "广州市黄埔区某路1号"}
    assert render(source, show=False, **values) == "4401**********1234 138****5678 广州市黄埔区****"
    assert render(source, show=True, **values) == "440106199001011234 13812345678 广州市黄埔区某路1号"
    # A missing or non-boolean "show" masks: only an explicit True reveals.
    assert render("{{ phone|mask_phone }} {{ phone|mask_phone:'yes' }}",
                  phone="13812345678") == "138****5678 138****5678"


def test_masked_values_are_still_escaped():
    assert render("{{ v|mask_name:show }}", v="<b>x</b>", show=True) == "&lt;b&gt;x&lt;/b&gt;"
    person = Application(applicant_type=ApplicantType.NATURAL_PERSON, applicant_name="张小明")
    assert render("{{ a|applicant_name:show }}", a=person, show=False) == "张*明"
    assert render("{{ a|applicant_name:show }}", a=person, show=True) == "张小明"
