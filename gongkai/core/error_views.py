"""Chinese error pages inside the site's layout, each with a way back.

Django's defaults are bare English pages. 400, 403, 404 and the CSRF failure render
with the request (the navigation of a signed-in user stays); 500 renders without it
and without context processors, because whatever failed, the database or a
middleware, may fail again while the error page is drawn.
"""
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

# Shown when even the template engine fails: a page that needs nothing at all.
_BARE_500 = ("<!doctype html><html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">"
             "<title>系统出错</title></head><body><h1>系统出错</h1>"
             "<p>服务器暂时无法完成请求，请稍后再试。</p><p><a href=\"/\">返回首页</a></p>"
             "</body></html>")


def _back(request) -> str:
    """The page the visitor came from, if it is on this site."""
    referer = request.META.get("HTTP_REFERER", "") if request else ""
    try:
        host = request.get_host() if referer else ""
    except DisallowedHost:  # the very reason for a 400 may be the Host header
        return ""
    if referer and url_has_allowed_host_and_scheme(
            referer, allowed_hosts={host}, require_https=request.is_secure()):
        return referer
    return ""


def _page(request, *, status: int, title: str, message: str) -> HttpResponse:
    html = loader.render_to_string("errors/error.html", {
        "status": status, "title": title, "message": message,
        "back": _back(request),
    }, request=request)
    return HttpResponse(html, status=status)


@requires_csrf_token
def bad_request(request, exception=None):
    return _page(request, status=400, title=_("请求有误"),
                 message=_("页面收到的请求无法处理，请返回上一页重新操作。"))


@requires_csrf_token
def permission_denied(request, exception=None):
    return _page(request, status=403, title=_("没有权限"),
                 message=_("您没有查看或办理此页面的权限。如需办理，请联系本单位管理员或区政务公开办。"))


@requires_csrf_token
def page_not_found(request, exception=None):
    return _page(request, status=404, title=_("页面不存在"),
                 message=_("您要找的页面不存在，或已被移动、删除，也可能您无权查看。"))


def csrf_failure(request, reason=""):
    """A form sent without a valid security token: usually a page left open too long or
    cookies turned off. What was typed is still in the browser's previous page."""
    return _page(request, status=403, title=_("页面已过期"),
                 message=_("表单的安全校验未通过，可能是页面打开时间过长或浏览器禁用了 Cookie。"
                           "请返回上一页，刷新后再提交（返回后已填写的内容通常仍在）。"))


def server_error(request=None):
    try:
        html = loader.render_to_string("errors/500.html", {
            "site_name": settings.GONGKAI_SITE.get("name", ""),
            "site_info": settings.GONGKAI_SITE})
    except Exception:  # noqa: BLE001 - the error page itself must not fail
        html = _BARE_500
    return HttpResponseServerError(html)
