from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic.base import RedirectView

from gongkai.portal.pagecache import public_page
from gongkai.portal.selectors import front_page

# The public site's sections: (url name, title, what it offers).
PUBLIC_SECTIONS = [
    ("policies:library", _("政策文件库"), _("现行有效的规章、行政规范性文件及其解读，可按主题、机关检索。")),
    ("qa:ask", _("政策问答"), _("用自己的话提问，查看权威解答和政策依据。")),
    ("foi:apply", _("申请政府信息公开"), _("在线提交政府信息公开申请，法定期限内答复。")),
    ("foi:track", _("查询申请进度"), _("凭查询码和证件号码后四位查看办理进度和答复文书。")),
    ("participation:consultations", _("意见征集"), _("对决策草案逐条提出意见，查看意见采纳情况反馈。")),
    ("participation:meetings", _("决策会议公众列席"), _("报名列席政府决策会议，查看会议情况。")),
    ("participation:message_write", _("领导信箱"), _("给区领导和各单位留言，按时限答复。")),
    ("participation:message_list", _("留言答复选登"), _("已公开的群众留言及答复。")),
    ("policies:gazette", _("政府公报"), _("历年各期政府公报。")),
    ("reports:annual_public_list", _("政府信息公开工作年度报告"),
     _("各单位和区政府按年度公开的政府信息公开工作年度报告。")),
    ("policies:enterprises", _("公共企事业单位信息公开"), _("供水、供电、燃气、公交、医疗、教育等单位的信息公开。")),
]


def _sections():
    sections = []
    for name, title, text in PUBLIC_SECTIONS:
        try:
            sections.append({"url": reverse(name), "title": title, "text": text})
        except NoReverseMatch:
            continue
    return sections


@require_GET
@public_page
def home(request):
    """The public portal's front page: search, latest documents, consultations open now,
    latest replies, and the entry points; signed-in staff also find their workbench."""
    return render(request, "portal/home.html",
                  {"sections": _sections(), **front_page(request.user)})


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says."""
    return RedirectView.as_view(url=static("portal/favicon.ico"), permanent=True)(request)


@login_required
def workbench(request):
    """The landing page after login: what this user has to do, by role."""
    return render(request, "portal/workbench.html")
