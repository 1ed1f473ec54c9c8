"""Masking of personal data for everyone who may not see it in full.

Identity numbers, phones, addresses and natural persons' names are shown in full only
to the handling unit's staff and the office (``permissions.can_see_personal_data``);
everyone else, the applicant on the public track page included, sees the masked form.
The masks keep just enough for a person to recognise their own data.
"""
import re

from gongkai.core.identity import STAR, _keep, mask_id_number, mask_phone

__all__ = ["mask_address", "mask_email", "mask_id_number", "mask_name", "mask_phone"]
# The district level and above of an address: enough to recognise it, not to find it.
_ADDRESS_HEAD = re.compile(
    r"^(?:[^省市区县旗路街道号村镇巷弄\d]{1,6}?(?:自治区|特别行政区|自治州|省|市|区|县|旗)){1,3}"
)


def mask_email(value: str | None) -> str:
    """zhangsan@example.cn → z*******@example.cn."""
    value = (value or "").strip()
    local, at, domain = value.partition("@")
    if not at:
        return mask_phone(value)
    return (local[:1] + STAR * max(len(local) - 1, 1)) + "@" + domain


def mask_address(value: str | None) -> str:
    """广东省广州市黄埔区科学大道100号 → 广东省广州市黄埔区****."""
    value = (value or "").strip()
    if not value:
        return ""
    match = _ADDRESS_HEAD.match(value)
    head = match.group(0) if match else value[: min(3, len(value) // 3)]
    return head + STAR * 4


def mask_name(value: str | None) -> str:
    """张小明 → 张*明, 张三 → 张*, 欧阳小明 → 欧**明 (natural persons only: use
    ``mask_applicant_name`` when the applicant may be an organisation)."""
    value = (value or "").strip()
    if len(value) <= 1:
        return value
    if len(value) == 2:
        return value[0] + STAR
    return _keep(value, 1, 1)


def mask_applicant_name(application) -> str:
    """An organisation's name is public; a natural person's is masked."""
    from gongkai.foi.codes import ApplicantType

    if application.applicant_type == ApplicantType.NATURAL_PERSON:
        return mask_name(application.applicant_name)
    return application.applicant_name
