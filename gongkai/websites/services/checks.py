"""Running the automated checks and writing what they found.

``website_probe`` samples a home page's availability; ``website_check`` crawls one
site and writes a ``CheckRun`` with its ``Finding`` rows (evidence snapshots through
Django's storage API). Both take ids, so huey tasks stay thin."""
import datetime as dt
import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from gongkai.core.audit import record_event
from gongkai.core.outbound import fetch
from gongkai.websites.checks.crawl import ColumnSpec, Fetcher, SiteSpec, crawl_site
from gongkai.websites.checks.polite import HostGate
from gongkai.websites.checks.verdicts import Problem, availability, site_problems
from gongkai.websites.events import WebsitesEvent
from gongkai.websites.models import (
    CheckRun,
    Finding,
    FindingSource,
    Probe,
    SiteStatus,
    Website,
)
from gongkai.websites.selectors.rules import current_rules

CHECKED_STATES = (SiteStatus.RUNNING, SiteStatus.MIGRATING, SiteStatus.CLOSE_REQUESTED)


def website_probe(*, website_id: int) -> Probe:
    """One availability probe: the home page must open within ``probe.timeout_seconds``."""
    website = Website.objects.get(pk=website_id)
    rules = current_rules()
    at = timezone.now()
    result = fetch(website.url, timeout=float(rules["probe.timeout_seconds"]),
                   max_bytes=256 * 1024,
                   allow_private=settings.GONGKAI_WEBSITES_ALLOW_INTRANET)
    ok = result.ok and result.status < 400
    return Probe.objects.create(
        website=website, at=at, ok=ok, status=result.status,
        elapsed_ms=int(result.elapsed * 1000),
        error=(result.refused or result.error or "")[:300])


def district_domains() -> list[str]:
    """The allow-list of the crawl: the setting, or else every registered site's host."""
    if settings.GONGKAI_WEBSITES_DOMAINS:
        return list(settings.GONGKAI_WEBSITES_DOMAINS)
    urls = Website.objects.filter(status__in=CHECKED_STATES).values_list("url", flat=True)
    return sorted({(urlsplit(u).hostname or "").lower() for u in urls} - {""})


def site_spec(website: Website) -> SiteSpec:
    columns = tuple(ColumnSpec(c.pk, c.name, c.url, c.kind)
                    for c in website.columns.filter(checked=True))
    return SiteSpec(id=website.pk, url=website.url, columns=columns,
                    disclosure_url=website.disclosure_url, is_portal=website.is_portal)


def website_check(*, website_id: int, trigger: str, actor=None) -> CheckRun:
    """Crawl one site and record its findings; the availability veto is judged from the
    probes of the last ``probe.window_days`` days."""
    website = Website.objects.get(pk=website_id)
    rules = current_rules()
    started = timezone.now()
    today = timezone.localdate()
    fetcher = Fetcher(HostGate(float(rules["crawl.host_delay_seconds"])),
                      timeout=float(rules["crawl.timeout_seconds"]), now=timezone.now,
                      today=today, domains=district_domains())
    spec = site_spec(website)
    crawl = crawl_site(spec, fetcher, max_depth=int(rules["crawl.max_depth"]),
                       max_pages=int(rules["crawl.max_pages"]))
    kinds = {c.id: (c.name, c.kind) for c in spec.columns}
    problems = site_problems(crawl, rules, today, kinds)
    problems += _availability(website, rules, started)
    summary = {"home": crawl.home.status or crawl.home.error, "dead_links": len(crawl.dead),
               "robots_skipped": crawl.skipped_robots, "not_allowed": crawl.not_allowed,
               "problems": len(problems)}
    return _record(website, trigger, actor, started, crawl.pages, summary, problems)


def _availability(website: Website, rules, now: dt.datetime) -> list[Problem]:
    since = now - dt.timedelta(days=int(rules["probe.window_days"]))
    probes = list(website.probes.filter(at__gte=since).values_list("ok", flat=True))
    veto, text = availability(probes, rules)
    if not veto:
        return []
    return [Problem("site.unreachable", text, website.url, now)]


@transaction.atomic
def _record(website, trigger, actor, started, pages, summary, problems) -> CheckRun:
    run = CheckRun.objects.create(website=website, trigger=trigger, started_at=started,
                                  finished_at=timezone.now(), pages=pages, summary=summary,
                                  requested_by=actor if actor and actor.pk else None)
    for problem in problems:
        finding = Finding(website=website, run=run, indicator=problem.indicator,
                          source=FindingSource.AUTOMATIC, detail=problem.detail[:5000],
                          count=problem.count, url=problem.url[:500],
                          observed_at=problem.at, http_status=problem.status)
        if problem.snapshot:
            digest = hashlib.sha256(problem.snapshot).hexdigest()[:16]
            finding.snapshot.save(f"{run.pk}-{digest}.html", ContentFile(problem.snapshot),
                                  save=False)
        finding.save()
    record_event(obj=website, action=WebsitesEvent.WEBSITE_CHECKED, actor=actor,
                 details={"run": run.pk, "trigger": trigger, "problems": len(problems)})
    return run


def probes_due(now: dt.datetime) -> list[int]:
    """Sites whose last probe is older than a day divided by ``probe.per_day`` (a small
    allowance keeps a 10-minute schedule from skipping a beat)."""
    gap = dt.timedelta(seconds=86400 / float(current_rules()["probe.per_day"]))
    cutoff = now - gap + dt.timedelta(seconds=60)
    return list(Website.objects.filter(status__in=CHECKED_STATES)
                .annotate(last=Max("probes__at"))
                .filter(Q(last__isnull=True) | Q(last__lte=cutoff))
                .values_list("pk", flat=True))


def websites_to_check() -> list[int]:
    return list(Website.objects.filter(status__in=CHECKED_STATES).values_list("pk", flat=True))
