"""Demo data of the leader messages: mailboxes, topics, and messages in every state over
several topics and units, some overdue, dated over the months before today so the
statistics have a trend. Built through the real services (assignment, transfer, reply,
review); only the dates are moved back afterwards, as if the work had happened then.
Idempotent: a message whose title exists is not created again."""
import datetime as dt

from django.db import transaction
from django.utils import timezone

from gongkai.orgs.huangpu import demo_office
from gongkai.orgs.models import Role, Unit, UnitCategory, User
from gongkai.participation.models.messages import (
    Mailbox,
    MailboxKind,
    Message,
    MessageReply,
    MessageTopic,
    PolicyResponse,
)

TOPICS = ("教育", "交通出行", "城市管理", "住房建设", "医疗卫生", "营商环境", "社会保障")
MAILBOXES = (("区长信箱", MailboxKind.LEADER, None),
             ("分管副区长信箱", MailboxKind.LEADER, None),
             ("区教育局局长信箱", MailboxKind.UNIT, "区教育局"),
             ("区交通运输局局长信箱", MailboxKind.UNIT, "区交通运输局"),
             ("黄埔街道办事处主任信箱", MailboxKind.UNIT, "黄埔街道"))
UNITS = ("区教育局", "区交通运输局", "区城市管理综合执法局", "区住房城乡建设局",
         "区卫生健康局", "区发展改革局", "黄埔街道")

# (title, mailbox, topic, unit, target state, days ago written, private)
# States: received, rejected, assigned, overdue, transferred, drafted, in_review,
# published, private, returned.
DEMO = (
    ("希望增加香雪片区公办小学学位", 0, "教育", "区教育局", "published", 150, False),
    ("夜班公交线路能否延长到科学城", 0, "交通出行", "区交通运输局", "published", 120, False),
    ("大沙地路口红绿灯时间太短", 3, "交通出行", "区交通运输局", "published", 95, False),
    ("小区旁工地夜间施工噪音扰民", 0, "城市管理", "区城市管理综合执法局", "published", 80, False),
    ("老旧小区加装电梯补贴如何申请", 1, "住房建设", "区住房城乡建设局", "published", 70, False),
    ("社区卫生服务中心周末能否开诊", 0, "医疗卫生", "区卫生健康局", "published", 60, False),
    ("学校周边上下学时段交通拥堵", 2, "教育", "区教育局", "published", 45, False),
    ("个人家庭困难申请临时救助", 0, "社会保障", "黄埔街道", "private", 40, True),
    ("企业开办能否一次办好", 1, "营商环境", "区发展改革局", "returned", 30, False),
    ("文冲地铁站接驳公交不足", 0, "交通出行", "区交通运输局", "in_review", 25, False),
    ("路边违规占道经营", 4, "城市管理", "黄埔街道", "drafted", 20, False),
    ("幼儿园收费标准咨询", 2, "教育", "区教育局", "overdue", 35, False),
    ("共享单车乱停放", 0, "城市管理", "区城市管理综合执法局", "overdue", 28, False),
    ("公租房轮候进度查询", 1, "住房建设", "区住房城乡建设局", "transferred", 10, False),
    ("医院停车位紧张", 0, "医疗卫生", "区卫生健康局", "assigned", 5, False),
    ("建议在公园增设健身器材", 0, "城市管理", None, "received", 2, False),
    ("夜市油烟扰民", 4, "城市管理", None, "received", 1, False),
    ("推销贷款广告", 0, "营商环境", None, "rejected", 12, False),
)
REPLY = ("感谢您的留言。经核查，本单位已将您反映的情况纳入工作计划，"
         "具体进展将通过区政府门户网站公开。如有疑问，请致电本单位咨询。")


def _units() -> dict[str, Unit]:
    units = {}
    for name in UNITS:
        category = UnitCategory.STREET_TOWN if name.endswith("街道") else UnitCategory.DEPARTMENT
        units[name], _created = Unit.objects.get_or_create(name=name,
                                                           defaults={"category": category})
    return units


def _people(units: dict[str, Unit]) -> tuple[User, dict[int, User], list[User]]:
    """The office admin who assigns, one staff member per unit who replies, and the
    reviewers who pass the replies (demo accounts that cannot sign in)."""
    office_unit = demo_office()
    office = User.objects.filter(role=Role.OFFICE_ADMIN, is_active=True).order_by("pk").first()
    if office is None:
        office = _account("msg_office", Role.OFFICE_ADMIN, office_unit, "政务公开办 留言分办")
    staff = {}
    for n, unit in enumerate(units.values(), start=1):
        staff[unit.pk] = (User.objects.filter(role=Role.UNIT_STAFF, unit=unit, is_active=True)
                          .order_by("pk").first()
                          or _account(f"msg_staff{n}", Role.UNIT_STAFF, unit,
                                      f"{unit.name} 留言办理"))
    reviewers = [_account(f"msg_reviewer{n}", Role.REVIEWER, office_unit, f"留言答复审核{n}")
                 for n in (1, 2, 3)]
    return office, staff, reviewers


def _account(username: str, role: str, unit: Unit, display_name: str) -> User:
    user, created = User.objects.get_or_create(
        username=username, defaults={"role": role, "unit": unit,
                                     "display_name": display_name})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _pass_review(reply: MessageReply, reviewers: list[User], office: User) -> None:
    from gongkai.publishing.models import Review
    from gongkai.publishing.selectors import route_for
    from gongkai.publishing.services import review_decide

    route = route_for(reply.unit_id)
    pool = list(route.reviewers.all()) if route and route.reviewers.exists() else [
        *reviewers, office]
    review = Review.objects.get(object_id=reply.pk, status="open",
                                content_type__model="messagereply")
    for reviewer in pool:
        if review.status != "open":
            break
        if reviewer.pk in (reply.author_id, review.author_id):
            continue
        review_decide(review=review, reviewer=reviewer, passed=True)
        review.refresh_from_db()


def _return_review(reply: MessageReply, reviewers: list[User]) -> None:
    from gongkai.publishing.models import Review
    from gongkai.publishing.services import review_decide

    review = Review.objects.get(object_id=reply.pk, status="open",
                                content_type__model="messagereply")
    review_decide(review=review, reviewer=reviewers[0], passed=False,
                  reason="请写明办理时限和联系电话。")


def _handle(message: Message, state: str, unit: Unit, people) -> None:
    from gongkai.participation.services import messages as svc

    office, staff, reviewers = people
    if state == "received":
        return
    if state == "rejected":
        svc.message_reject(message=message, reason="商业广告，不属于留言受理范围。", actor=office)
        return
    first = Unit.objects.get(name="区发展改革局") if state == "transferred" else unit
    svc.message_assign(message=message, unit=first, actor=office)
    if state == "transferred":
        svc.message_transfer(message=message, unit=unit, reason="公租房轮候属住建局职责。",
                             actor=office)
    if state in ("assigned", "overdue", "transferred"):
        return
    writer = staff[unit.pk]
    reply = svc.message_reply_save(message=message, text=REPLY, actor=writer)
    if state == "drafted":
        return
    svc.message_reply_submit(message=message, actor=writer)
    if state in ("published", "private"):
        _pass_review(reply, reviewers, office)
    elif state == "returned":
        _return_review(reply, reviewers)


def _backdate(message: Message, days_ago: int) -> None:
    """Move the dates back as if written ``days_ago`` days ago and assigned a day later
    (the due date counts from the day of receipt, so older open messages are overdue)."""
    from gongkai.participation.services.messages import reply_days
    from gongkai.workdays.calendar import compute_due
    from gongkai.workdays.selectors import calendar_from_db

    now = timezone.now()
    written = now - dt.timedelta(days=days_ago)
    fields = {"submitted_at": written}
    message.refresh_from_db()
    if message.assigned_at is not None:
        fields["assigned_at"] = written + dt.timedelta(days=1)
        due = compute_due(calendar_from_db(), timezone.localdate(written), days=reply_days())
        fields.update(due_on=due.due, due_provisional=due.provisional)
    if message.answered_at is not None:
        answered = min(written + dt.timedelta(days=9), now)
        fields["answered_at"] = answered
        if message.replied_on is not None:
            fields["replied_on"] = timezone.localdate(answered - dt.timedelta(days=1))
    Message.objects.filter(pk=message.pk).update(**fields)


@transaction.atomic
def load_messages_demo() -> int:
    """Create the demo mailboxes, topics and messages that do not exist yet; returns how
    many messages were created."""
    units = _units()
    topics = {name: MessageTopic.objects.get_or_create(name=name, defaults={"sort_order": n})[0]
              for n, name in enumerate(TOPICS)}
    mailboxes = [Mailbox.objects.get_or_create(
        name=name, defaults={"kind": kind, "unit": units.get(unit) if unit else None,
                             "sort_order": n})[0]
        for n, (name, kind, unit) in enumerate(MAILBOXES)]
    existing = set(Message.objects.filter(title__in=[d[0] for d in DEMO])
                   .values_list("title", flat=True))
    people = _people(units)
    created = 0
    for title, box, topic, unit, state, days_ago, private in DEMO:
        if title in existing:
            continue
        message = Message.objects.create(
            mailbox=mailboxes[box], topic=topics[topic], title=title,
            text=f"{title}。希望有关部门重视并尽快答复，谢谢！", writer_name="演示用户",
            contact_phone="020-00000000", wants_privacy=private)
        _handle(message, state, units.get(unit), people)
        _backdate(message, days_ago)
        created += 1
    _policy_response(people[0])
    return created


def _policy_response(office: User) -> None:
    if PolicyResponse.objects.filter(title="学位供给问题集中反映").exists():
        return
    related = list(Message.objects.filter(topic__name="教育", status="published"))
    if not related:
        return
    from gongkai.participation.services.messages import policy_response_save

    policy_response_save(
        title="学位供给问题集中反映", url="https://www.hp.gov.cn/",
        note="区教育局已发布新一年度公办学位建设计划，回应群众对学位供给的关切。",
        messages=related, actor=office)
