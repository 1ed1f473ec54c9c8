"""Template pieces of ``core.lists``: a sortable column header."""
from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def sort_header(listing, key: str, label: str):
    """A header link that sorts by ``key`` (again: the other way), with the state said
    in words for screen readers as well as by an arrow."""
    link = listing.sort_links().get(key)
    if link is None:
        return label
    if not link["active"]:
        return format_html('<a href="{}">{}</a>', link["url"], label)
    arrow, words = ("↓", _("降序")) if link["descending"] else ("↑", _("升序"))
    return format_html('<a href="{}" aria-current="true">{} <span aria-hidden="true">{}</span>'
                       '<span class="visually-hidden">（{}）</span></a>',
                       link["url"], label, arrow, words)
