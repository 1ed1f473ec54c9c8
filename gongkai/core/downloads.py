"""Stored files go out through permission-checked views, always the same way: as an
attachment (never rendered in this site's origin), with no content sniffing, and a 404
when the file is missing from storage rather than a server error.

The name offered to the browser keeps the uploader's words but takes the extension, and
the response its Content-Type, from the *stored* file, whose extension was proved by its
content when it was uploaded (``gongkai.core.uploads``): a PNG uploaded as
``evil.html`` downloads as ``evil.png``, ``image/png``.
"""
from pathlib import PurePosixPath

from django.http import FileResponse, Http404

from gongkai.core.uploads import mime_type_for

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def download_name(filename: str, stored_name: str) -> str:
    """``filename`` with the stored file's extension (added or substituted)."""
    proved = PurePosixPath(stored_name or "").suffix.lower()
    name = PurePosixPath((filename or "").replace("\\", "/")).name or "download"
    if not proved:
        return name
    stem, dot, _old = name.rpartition(".")
    return f"{stem if dot and stem else name}{proved}"


def stored_file_response(file, *, filename: str, content_type: str = "") -> FileResponse:
    """``content_type`` is only a fallback for stored extensions the platform does not
    prove (an HTML snapshot, say), and then only ``application/octet-stream`` goes out
    for anything that could run as a page."""
    if not file:
        raise Http404
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    extension = PurePosixPath(file.name).suffix.lower().lstrip(".")
    kind = mime_type_for(extension) or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True,
                            filename=download_name(filename, file.name), content_type=kind)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
