"""The public site's furniture on every page: the government-site footer fields (read
from settings, which read the environment) and the public navigation."""
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# The public navigation bar: (url name, label, the path its column covers — None: the
# link's own path). A page appears once its view exists; the column whose path is the
# longest start of the page's path is marked current.
PUBLIC_NAV = [
    ("portal:home", _("首页"), None),
    ("policies:library", _("政策文件"), None),
    ("qa:ask", _("政策问答"), None),
    ("foi:apply", _("依申请公开"), "/foi/"),
    ("participation:consultations", _("征求意见"), None),
    ("participation:meetings", _("决策会议"), None),
    ("participation:message_write", _("领导信箱"), "/participation/messages/"),
    ("policies:gazette", _("政府公报"), None),
]

_nav_cache: list[tuple[str, object, str]] | None = None


def _public_nav() -> list[dict]:
    global _nav_cache
    if _nav_cache is None:  # URLs do not change while the process runs
        links = []
        for name, label, column in PUBLIC_NAV:
            try:
                url = reverse(name)
            except NoReverseMatch:
                continue
            links.append((url, label, column or url))
        _nav_cache = links
    return _nav_cache


def _current_column(path: str, links) -> str | None:
    columns = [column for _url, _label, column in links
               if (path == column if column == "/" else path.startswith(column))]
    return max(columns, key=len, default=None)


def site(request):
    path = getattr(request, "path", "")
    links = _public_nav()
    current = _current_column(path, links)
    return {
        "public_nav": [{"url": url, "label": label, "current": column == current}
                       for url, label, column in links],
        "site_info": settings.GONGKAI_SITE,
    }
