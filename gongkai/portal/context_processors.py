"""The public site's furniture on every page: the government-site footer fields (read
from settings, which read the environment) and the public navigation."""
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# The public navigation bar: (url name, label). A page appears once its view exists.
PUBLIC_NAV = [
    ("portal:home", _("首页")),
    ("policies:library", _("政策文件")),
    ("qa:ask", _("政策问答")),
    ("foi:apply", _("依申请公开")),
    ("participation:consultations", _("征求意见")),
    ("participation:meetings", _("决策会议")),
    ("participation:message_write", _("领导信箱")),
    ("policies:gazette", _("政府公报")),
]

_nav_cache: list[tuple[str, object]] | None = None


def _public_nav() -> list[dict]:
    global _nav_cache
    if _nav_cache is None:  # URLs do not change while the process runs
        links = []
        for name, label in PUBLIC_NAV:
            try:
                links.append((reverse(name), label))
            except NoReverseMatch:
                continue
        _nav_cache = links
    return _nav_cache


def _current(path: str, url: str) -> bool:
    return path == url if url == "/" else path.startswith(url)


def site(request):
    path = getattr(request, "path", "")
    return {
        "public_nav": [{"url": url, "label": label, "current": _current(path, url)}
                       for url, label in _public_nav()],
        "site_info": settings.GONGKAI_SITE,
    }
