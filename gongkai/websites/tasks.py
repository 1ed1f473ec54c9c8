"""Background jobs of the website checks. Thin: they take ids and call services."""
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from django.utils import timezone

from gongkai.websites.models import RunTrigger
from gongkai.websites.services import checks


@db_task()
def probe_website(website_id: int) -> None:
    checks.website_probe(website_id=website_id)


@db_task()
def check_website(website_id: int, trigger: str = RunTrigger.SCHEDULED,
                  actor_id: int | None = None) -> None:
    from gongkai.orgs.models import User

    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    checks.website_check(website_id=website_id, trigger=trigger, actor=actor)


# Every 10 minutes: probe the home pages whose turn has come (probe.per_day a day).
@db_periodic_task(crontab(minute="*/10"))
def probe_due_websites() -> int:
    due = checks.probes_due(timezone.now())
    for website_id in due:
        probe_website(website_id)
    return len(due)


# 18:30 UTC is 02:30 in Beijing: the nightly crawl runs while the sites are quiet.
@db_periodic_task(crontab(hour="18", minute="30"))
def check_all_websites() -> int:
    ids = checks.websites_to_check()
    for website_id in ids:
        check_website(website_id)
    return len(ids)
