"""Template filters of the leader messages' public pages."""
from django import template

register = template.Library()


@register.filter
def masked_name(name: str) -> str:
    """张三丰 → 张**: a writer is named on public pages only by the first character."""
    name = (name or "").strip()
    if not name:
        return ""
    return name[0] + "*" * min(max(len(name) - 1, 1), 3)
