"""Reads for the public pages: finding an application by what its applicant knows."""
import secrets

from gongkai.foi.models import Application, Letter, Status


def application_for_query(*, query_code: str, id_last4: str) -> Application | None:
    """The application with this query code whose identity number ends in these four
    characters (letters compared without case), or None: the caller cannot tell
    which of the two was wrong."""
    code = (query_code or "").strip().upper()
    last4 = (id_last4 or "").strip().upper()
    if not code or len(last4) != 4:
        return None
    application = Application.objects.filter(query_code=code).select_related("unit").first()
    if application is None:
        return None
    if not secrets.compare_digest(application.id_number.strip().upper()[-4:].encode(),
                                  last4.encode()):
        return None
    return application


def letters_for_applicant(application: Application):
    return Letter.objects.filter(application=application, visible_to_applicant=True
                                 ).order_by("created_at", "id")


def awaited_supplement(application: Application):
    """The supplement request the applicant has not answered yet, if one is awaited."""
    if application.status != Status.AWAITING_SUPPLEMENT:
        return None
    return application.supplements.filter(received_on__isnull=True).order_by(
        "-requested_on", "-id").first()
