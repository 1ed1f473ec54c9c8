"""Background jobs of the plans app. Thin: take ids, call a service."""
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from gongkai.plans.models import Evidence
from gongkai.plans.services.linkcheck import evidence_check_link, evidence_links_to_recheck


@db_task()
def check_evidence_link(evidence_id: int) -> None:
    evidence = Evidence.objects.filter(pk=evidence_id).first()
    if evidence is not None:  # removed before the job ran
        evidence_check_link(evidence=evidence)


# 03:30 Beijing time, when the sites checked are quiet.
@db_periodic_task(crontab(hour="3", minute="30"))
def recheck_evidence_links() -> None:
    """Every night: pages move and sites close, so yesterday's check is not today's."""
    for evidence_id in evidence_links_to_recheck():
        check_evidence_link(evidence_id)
