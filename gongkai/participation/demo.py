"""Demo data of public participation, for ``manage.py load_demo``. Each part has its own
function; each is idempotent (running it twice changes nothing).

- ``load_consultations_demo``: an open consultation with comments (a campaign of
  near-duplicates among them) and a closed one with its decisions and published
  feedback report.
- ``load_meetings_demo``: the 2022 targets of task 24 and meetings against them, some
  units meeting their target and some not; an announced meeting with an open call.
"""
import datetime as dt

from django.db import transaction
from django.utils import timezone

from gongkai.orgs.huangpu import load_huangpu_registry
from gongkai.orgs.models import Role, Unit, User
from gongkai.participation.models import Consultation, Decision, Meeting
from gongkai.participation.services import consultations as csvc
from gongkai.participation.services import meetings as msvc
from gongkai.participation.services.feedback import feedback_generate
from gongkai.publishing.demo import publish_through_review

# ---------------------------------------------------------------------------------
# Consultations
# ---------------------------------------------------------------------------------

OPEN_TITLE = "黄埔区生活垃圾分类管理办法（征求意见稿）"
CLOSED_TITLE = "黄埔区促进夜间经济发展若干措施（征求意见稿）"
OPEN_DRAFT = """第一章 总则
第一条 为加强本区生活垃圾分类管理，改善人居环境，根据有关法律法规，结合本区实际，制定本办法。
第二条 本办法适用于本区行政区域内生活垃圾的分类投放、收集、运输和处理。
第三条 区城市管理综合执法局负责生活垃圾分类的组织协调和监督管理。
各街道办事处、镇人民政府负责辖区内生活垃圾分类的日常管理。
第二章 分类投放
第四条 生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾。
第五条 垃圾转运站的选址应当远离居民住宅，并向社会公开征求意见。
第六条 本办法自发布之日起施行。"""
CLOSED_DRAFT = """一、延长重点商圈营业时间，鼓励开设深夜食堂。
二、在夜间经济集聚区增设临时停车位和公交夜班线路。
三、对夜间经营活动实行包容审慎监管。"""
CAMPAIGN = "强烈反对在我小区旁边建设垃圾转运站，请重新选址，保障居民健康！"
OPEN_COMMENTS = [
    ("第四条", "张先生", "建议在小区增设有害垃圾回收点，方便居民投放废电池。"),
    ("第三条", "", "建议明确物业服务企业在垃圾分类中的责任。"),
    ("", "李女士", "整体赞成，建议加强宣传，特别是面向老年人。"),
    ("第二条", "", "<script>alert('demo')</script>建议把农贸市场也纳入适用范围。"),
    ("第五条", "王某", CAMPAIGN),
    ("第五条", "", "强烈反对在我小区旁边建设垃圾转运站, 请重新选址, 保障居民健康!"),
    ("第五条", "", "強烈反對在我小區旁邊建設垃圾轉運站，請重新選址，保障居民健康！"),
    ("第五条", "陈某", CAMPAIGN + "我是三栋业主。"),
    ("第五条", "", CAMPAIGN),
    ("第五条", "", "强烈反对在我小区旁边建设垃圾转运站，请重新选址，保障居民的健康！"),
]
CLOSED_DECISIONS = [
    ("第一点", Decision.ADOPTED, "", "建议把营业时间延长到凌晨两点。"),
    ("第二点", Decision.PARTLY, "已增加两条夜班公交线路，停车位视情况增设。",
     "建议夜班公交覆盖知识城。"),
    ("第二点", Decision.NOT_ADOPTED, "临时停车位设置须符合道路交通安全规定，已另行研究。",
     "建议所有路段夜间免费停车。"),
    ("第三点", Decision.NOT_APPLICABLE, "", "建议降低商铺租金。"),
    ("", Decision.ADOPTED, "", "支持出台，建议加强噪音管理。"),
]


def _publish(obj) -> None:
    """Through the real review, submitted by one of the unit's staff (or a demo editor)."""
    author = (User.objects.filter(role=Role.UNIT_STAFF, unit_id=obj.unit_id, is_active=True)
              .order_by("pk").first())
    if author is None:
        author, created = User.objects.get_or_create(
            username=f"demo_editor_{obj.unit_id}",
            defaults={"role": Role.UNIT_STAFF, "unit_id": obj.unit_id,
                      "display_name": "演示编辑"})
        if created:
            author.set_unusable_password()
            author.save(update_fields=["password"])
    publish_through_review(obj=obj, author=author)


def _article(consultation, label):
    return consultation.articles.filter(label=label).first() if label else None


@transaction.atomic
def load_consultations_demo() -> None:
    load_huangpu_registry()
    today = timezone.localdate()
    if not Consultation.objects.filter(title=OPEN_TITLE).exists():
        unit = Unit.objects.get(name="区城市管理综合执法局")
        c = csvc.consultation_create(
            unit=unit, author=None, title=OPEN_TITLE, draft_text=OPEN_DRAFT,
            explanation="为落实生活垃圾分类工作要求，解决转运站选址等群众关心的问题，起草本办法。",
            how_to_comment="可在本页对草案整体或逐条提出意见，也可发送电子邮件或信函至区城市管理综合执法局。",
            opens_on=today - dt.timedelta(days=10), closes_on=today + dt.timedelta(days=20))
        _publish(c)
        for label, name, body in OPEN_COMMENTS:
            csvc.comment_submit(consultation=c, article=_article(c, label), name=name,
                                contact="demo@example.org" if name else "", body=body,
                                today=today)
        first = c.comments.order_by("id").first()
        csvc.comment_decide(comment=first, actor=None, decision=Decision.ADOPTED)
    if not Consultation.objects.filter(title=CLOSED_TITLE).exists():
        _closed_consultation(today)


def _closed_consultation(today: dt.date) -> None:
    unit = Unit.objects.get(name="区商务局")
    opens = today - dt.timedelta(days=60)
    c = csvc.consultation_create(
        unit=unit, author=None, title=CLOSED_TITLE, draft_text=CLOSED_DRAFT,
        explanation="为繁荣夜间消费市场，起草本措施。", opens_on=opens,
        closes_on=opens + dt.timedelta(days=29))
    _publish(c)
    for label, decision, reason, body in CLOSED_DECISIONS:
        comment = csvc.comment_submit(consultation=c, article=_article(c, label), body=body,
                                      today=opens + dt.timedelta(days=3))
        csvc.comment_decide(comment=comment, actor=None, decision=decision, reason=reason)
    report = feedback_generate(consultation=c, actor=None, today=today,
                               preface="感谢社会各界的关注和支持。现将意见采纳情况反馈如下。")
    _publish(report)


# ---------------------------------------------------------------------------------
# Decision meetings (task 24)
# ---------------------------------------------------------------------------------

# (unit, subject, date, for the district government, representatives)
HELD_2022 = [
    ("区政府办", "区政府常务会议：审议老旧小区改造三年行动方案", dt.date(2022, 3, 18), True,
     [("刘某", "expert"), ("黄某", "resident"), ("周某", "npc_deputy")]),
    ("区政府办", "区政府常务会议：审议促进生物医药产业发展办法", dt.date(2022, 6, 10), True,
     [("吴某", "entrepreneur"), ("郑某", "cppcc_member")]),
    ("区政府办", "区政府常务会议：审议公共停车场建设规划", dt.date(2022, 9, 23), True,
     [("孙某", "resident")]),
    ("区发展改革局", "重大项目审批流程优化方案", dt.date(2022, 5, 12), False,
     [("钱某", "entrepreneur")]),
    ("区发展改革局", "价格听证会实施办法", dt.date(2022, 8, 19), False,
     [("赵某", "expert"), ("冯某", "resident")]),
    ("区住房城乡建设局", "保障性租赁住房筹建方案", dt.date(2022, 7, 7), False,
     [("陈某", "resident")]),
    ("黄埔街道", "社区微改造项目清单", dt.date(2022, 10, 14), False,
     [("褚某", "resident"), ("卫某", "npc_deputy")]),
]
ANNOUNCED_SUBJECT = "夜间经济集聚区规划方案（公开报名遴选列席代表）"


@transaction.atomic
def load_meetings_demo() -> None:
    load_huangpu_registry()
    msvc.meeting_targets_ensure_2022()
    for unit_name, subject, held_on, district, people in HELD_2022:
        if Meeting.objects.filter(subject=subject).exists():
            continue
        meeting = msvc.meeting_create(
            unit=Unit.objects.get(name=unit_name), actor=None, held_on=held_on,
            subject=subject, for_district_government=district,
            recording_url="https://video.example.org/meetings/demo" if district else "")
        for name, kind in people:
            msvc.representative_add(meeting=meeting, actor=None, name=name, kind=kind)
        msvc.meeting_mark_held(meeting=meeting, actor=None, today=held_on)
    if not Meeting.objects.filter(subject=ANNOUNCED_SUBJECT).exists():
        _announced_meeting()


def _announced_meeting() -> None:
    today = timezone.localdate()
    meeting = msvc.meeting_create(
        unit=Unit.objects.get(name="区商务局"), actor=None,
        held_on=today + dt.timedelta(days=20), subject=ANNOUNCED_SUBJECT,
        description="欢迎企业经营者、居民报名列席，拟遴选3名代表。", location="区政务服务中心三楼会议室",
        open_call=True, signup_closes_on=today + dt.timedelta(days=10), seats=3,
        live_url="https://video.example.org/live/demo")
    msvc.meeting_announce(meeting=meeting, actor=None, today=today)
    for name, kind, statement in (("林某", "entrepreneur", "经营夜市餐饮十年。"),
                                  ("何某", "resident", "居住在商圈附近，关注噪音问题。")):
        msvc.signup_submit(meeting=meeting, name=name, kind=kind,
                           contact="demo@example.org", statement=statement, today=today)
