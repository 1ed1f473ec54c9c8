"""The public policy library: classified browsing, search with facets, the JSON API of
the same search, document pages with their interpretations, status and history, a print
view, attachment downloads, the gazette archive and the public-enterprise column.

Every page reads only what ``documents_visible_to(request.user)`` returns: the public
sees documents published for the public; a document for a limited audience answers
404 to anyone outside it, as a document that does not exist would.
"""
import html

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from gongkai.core.downloads import stored_file_response
from gongkai.core.params import year_param
from gongkai.policies.forms_library import PAGE_SIZE, LibrarySearchForm
from gongkai.policies.search import search_documents
from gongkai.policies.selectors import library as lib
from gongkai.policies.selectors.validity import VALIDITY_LABELS
from gongkai.policies.services.content import sanitize_html
from gongkai.policies.views.library_facets import changed_url, facet_groups, page_links
from gongkai.portal.pagecache import public_page


def _reader(request):
    return request.user if request.user.is_authenticated else None


@require_GET
@public_page
def home(request):
    current_only = request.GET.get("current") == "1"
    user = _reader(request)
    return render(request, "policies/library_home.html", {
        "counts": lib.browse_counts(user, current_only=current_only),
        "latest": lib.latest_documents(user, current_only=current_only),
        "current_only": current_only,
        "validity_extra": {"validity": "valid"} if current_only else {},
    })


def _run_search(request, form: LibrarySearchForm, *, limit: int, offset: int):
    data = form.cleaned_data
    return search_documents(query=data["q"], user=_reader(request), filters=form.filters(),
                            sort=data["sort"], limit=limit, offset=offset)


@require_GET
@public_page(seconds="GONGKAI_SEARCH_CACHE_SECONDS")
def search(request):
    form = LibrarySearchForm(request.GET)
    if not form.is_valid():
        return render(request, "policies/library_search.html",
                      {"form": form, "error": form.error_text()}, status=400)
    page = form.cleaned_data["page"]
    result = _run_search(request, form, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return render(request, "policies/library_search.html", {
        "form": form, "result": result, "page": page, "q": form.cleaned_data["q"],
        "sort": form.cleaned_data["sort"],
        "facets": facet_groups(request.GET, result.facets, form.filters()),
        "pages": page_links(request.GET, page=page, total=result.total),
        "first_rank": (page - 1) * PAGE_SIZE + 1,
        "sort_urls": {s: changed_url(request.GET, sort=s) for s in ("relevance", "date")},
        "keep": form.filters(),
    })


def _api_row(request, hit) -> dict:
    document = hit.document
    validity = getattr(document, "current_validity", document.validity)
    return {
        "id": document.pk,
        "title": document.title,
        "doc_number": document.doc_number,
        "score": round(float(hit.score), 6),
        "url": request.build_absolute_uri(reverse("policies:document", args=[document.pk])),
        "snippet": html.unescape(strip_tags(hit.snippet_html)),
        "snippet_html": hit.snippet_html,
        "kind": document.kind,
        "validity": validity,
        "validity_label": str(VALIDITY_LABELS.get(validity, validity)),
        "published_on": document.published_on.isoformat() if document.published_on else None,
    }


@require_GET
def api_search(request):
    """The search as JSON: same parameters as the page, plus ``limit`` (capped)."""
    form = LibrarySearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": form.error_text()}, status=400,
                            json_dumps_params={"ensure_ascii": False})
    limit = form.cleaned_data["limit"]
    offset = (form.cleaned_data["page"] - 1) * limit
    result = _run_search(request, form, limit=limit, offset=offset)
    return JsonResponse({
        "total": result.total,
        "page": form.cleaned_data["page"],
        "limit": limit,
        "results": [_api_row(request, hit) for hit in result.hits],
        "facets": result.facets,
        # "partial", "generic", "none" or "": what the page says about the result.
        "notice": result.notice,
        "expanded": result.expanded,
        # The words of the query naming a thing that no document holds (left out, or
        # why nothing was found) — not the characters of a sentence (要, 给).
        "missing": result.missing,
    }, json_dumps_params={"ensure_ascii": False})


def _document_context(request, pk: int) -> dict:
    user = _reader(request)
    document = lib.document_for_reader(user, pk)
    if document is None:
        raise Http404(_("没有这个文件，或者它不向您公开。"))
    return {
        "document": document,
        "body_html": sanitize_html(document.body_html),
        "issuers": list(document.issuers.all()),
        "attachments": list(document.attachments.all()),
        "amended_by": lib.readable_link(user, document.amended_by),
        "repealed_by": lib.readable_link(user, document.repealed_by),
        "interprets": lib.readable_link(user, document.interprets),
        "interpretations": lib.interpretations_of(user, document),
        "changes": lib.changes_made_by(user, document),
        "history": lib.public_status_history(document),
        "validity_label": VALIDITY_LABELS.get(document.current_validity, ""),
    }


@require_GET
@public_page
def document(request, pk: int):
    return render(request, "policies/library_document.html", _document_context(request, pk))


@require_GET
def print_view(request, pk: int):
    return render(request, "policies/library_print.html", _document_context(request, pk))


@require_GET
def attachment(request, pk: int):
    item = lib.attachment_for_reader(_reader(request), pk)
    if item is None:
        raise Http404(_("没有这个附件，或者它不向您公开。"))
    return stored_file_response(item.file, filename=item.original_name,
                                content_type=item.mime_type)


@require_GET
def gazette(request):
    years = lib.gazette_years()
    year = year_param(request.GET)
    selected = year if year in years else None
    return render(request, "policies/library_gazette.html", {
        "years": years, "year": selected,
        "issues": lib.gazette_issues(_reader(request), selected)})


@require_GET
def enterprises(request):
    return render(request, "policies/library_enterprises.html",
                  {"groups": lib.enterprises_by_field()})
