"""What the public front page shows: the latest documents, the consultations open now,
the latest published replies to messages. Anonymous readers only (the page is cached
for them), so everything starts from what the public may read."""
from django.utils import timezone

from gongkai.participation.selectors.consultations import public_consultations
from gongkai.participation.selectors.messages import public_messages
from gongkai.policies.selectors.library import latest_documents

LATEST_DOCUMENTS = 8
NOTICES = 5


def front_page(user) -> dict:
    reader = user if user is not None and user.is_authenticated else None
    consultations = public_consultations(reader, today=timezone.localdate())
    return {
        "latest_documents": latest_documents(reader, limit=LATEST_DOCUMENTS),
        "open_consultations": list(consultations["open"][:NOTICES]),
        "latest_replies": list(public_messages()[:NOTICES]),
    }
