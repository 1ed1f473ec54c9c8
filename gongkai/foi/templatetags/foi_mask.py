"""``{% load foi_mask %}``: ``{{ value|mask_id:show }}``, where ``show`` is the result of
``permissions.can_see_personal_data`` for the viewer (computed in the view): True shows
the value in full, anything else masks it."""
from django import template

from gongkai.foi import masking

register = template.Library()


def _apply(mask, value, show) -> str:
    if show is True:
        return "" if value is None else str(value)
    return mask("" if value is None else str(value))


@register.filter
def mask_id(value, show=False) -> str:
    return _apply(masking.mask_id_number, value, show)


@register.filter
def mask_phone(value, show=False) -> str:
    return _apply(masking.mask_phone, value, show)


@register.filter
def mask_email(value, show=False) -> str:
    return _apply(masking.mask_email, value, show)


@register.filter
def mask_address(value, show=False) -> str:
    return _apply(masking.mask_address, value, show)


@register.filter
def mask_name(value, show=False) -> str:
    return _apply(masking.mask_name, value, show)


@register.filter
def applicant_name(application, show=False) -> str:
    """The applicant's name, masked for natural persons unless ``show``."""
    if show is True:
        return application.applicant_name
    return masking.mask_applicant_name(application)
