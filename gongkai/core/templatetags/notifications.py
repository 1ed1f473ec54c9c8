"""``{% unread_notifications as n %}``: the signed-in user's unread count for the bell
(one count over an index; nothing for anonymous visitors)."""
from django import template

from gongkai.core.notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return unread_count(user)
