"""Stored files go out through permission-checked views, always the same way: as an
attachment (never rendered in this site's origin), with no content sniffing, and a 404
when the file is missing from storage rather than a server error."""
from django.http import FileResponse, Http404

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def stored_file_response(file, *, filename: str, content_type: str = "") -> FileResponse:
    if not file:
        raise Http404
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=filename,
                            content_type=content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
