"""Rows the smoke test needs, made with the test factories on the production stack:
a unit's staff member with a known password, a stored evidence file (written through the
storage API, so to the object store), a link to check. Prints JSON for run.sh."""
import json
import os

from django.core.files.base import ContentFile
from django.urls import reverse

from gongkai.orgs.tests.factories import UserFactory
from gongkai.plans.models import EvidenceKind
from gongkai.plans.tests.factories import EvidenceFactory, ReportFactory

PASSWORD = os.environ["SMOKE_PASSWORD"]
staff = UserFactory(username="smoke_staff")
staff.set_password(PASSWORD)
staff.save()
outsider = UserFactory(username="smoke_outsider")
outsider.set_password(PASSWORD)
outsider.save()
report = ReportFactory(assignment__unit=staff.unit)
body = b"%PDF-1.4\n% smoke evidence " + os.urandom(16).hex().encode() + b"\n%%EOF\n"
evidence = EvidenceFactory(report=report, kind=EvidenceKind.FILE, url="",
                           file=ContentFile(body, name="smoke.pdf"),
                           original_name="smoke.pdf", mime_type="application/pdf")
link = EvidenceFactory(report=report, kind=EvidenceKind.LINK,
                       url=os.environ["SMOKE_LINK_URL"])
print(json.dumps({
    "file_name": evidence.file.name, "file_hex": body.hex(),
    "download": reverse("plans:evidence_download", args=[evidence.pk]),
    "link_id": link.pk,
    "public": [reverse(name) for name in ("portal:home", "policies:library", "policies:search",
                                          "foi:apply", "foi:track", "qa:ask")],
    "track": reverse("foi:track"), "login": reverse("login"),
}))
