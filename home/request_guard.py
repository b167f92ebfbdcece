"""Refuse requests carrying a NUL character, before any of it reaches the database.

PostgreSQL text cannot hold NUL (``\\x00``): a query with one raises ``ValueError`` in psycopg,
which Django answers with a 500, wherever the value goes (a page slug in the URL, a search
term, a certificate code, a session cookie, a login name, a User-Agent that django-axes logs,
a form field). Rather than guard every view, one middleware near the top of ``MIDDLEWARE``
refuses such a request with a 400 page in Vietnamese:

- the path, the query string's keys and values, the cookies and the HTTP headers are checked
  as the request comes in;
- form bodies (URL-encoded and multipart: field names, values and file names) are checked when
  something first reads ``request.POST`` or ``request.FILES``, so a view can still install its
  own upload handlers first (the staff import does);
- any other body (JSON, text) is checked for a raw NUL or a JSON ``\\u0000`` escape.

NUL is the only character PostgreSQL refuses in text; the other control characters are stored
as they are (and escaped on output), so they are left to the forms' own validation.
"""

from django.core.exceptions import SuspiciousOperation
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _

REFUSED = "\x00"
_FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


class ControlCharacterRejected(SuspiciousOperation):
    """The request holds a character the site cannot store; Django answers 400."""


def _holds_refused(values) -> bool:
    return any(isinstance(value, str) and REFUSED in value for value in values)


def _refuse(where: str):
    raise ControlCharacterRejected(f"NUL character in the request's {where}")


def check_form_data(request) -> None:
    """Raise when the parsed POST or FILES holds a NUL in a name, value or file name."""
    for key, values in request._post.lists():
        if REFUSED in key or _holds_refused(values):
            _refuse("form field")
    for key, files in request._files.lists():
        if REFUSED in key or _holds_refused(getattr(f, "name", "") for f in files):
            _refuse("uploaded file name")


def _guard_form_parsing(request) -> None:
    """Check the form data as soon as Django parses it (lazily, as it does itself)."""
    load = request._load_post_and_files

    def load_and_check():
        load()
        check_form_data(request)

    request._load_post_and_files = load_and_check


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if REFUSED in request.path_info or REFUSED in request.path:
            _refuse("path")
        for key, values in request.GET.lists():
            if REFUSED in key or _holds_refused(values):
                _refuse("query string")
        if _holds_refused(request.COOKIES) or _holds_refused(request.COOKIES.values()):
            _refuse("cookies")
        if _holds_refused(value for key, value in request.META.items() if key.startswith("HTTP_")):
            _refuse("headers")
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            content_type = request.content_type or ""
            if content_type in _FORM_TYPES:
                _guard_form_parsing(request)
            elif request.META.get("CONTENT_LENGTH") not in (None, "", "0"):
                body = request.body
                if b"\x00" in body or b"\\u0000" in body:
                    _refuse("body")
        return self.get_response(request)


def bad_request(request, exception=None):
    """The 400 page (``handler400``): a short page in Vietnamese, never an echo of the input."""
    if isinstance(exception, ControlCharacterRejected):
        # Keep the refused characters out of the page (the base template links back to the path).
        request.path = request.path_info = "/"
        request.META["QUERY_STRING"] = ""
    try:
        return render(request, "400.html", status=400)
    except Exception:  # e.g. a DisallowedHost the site lookup raises again
        return HttpResponseBadRequest(
            _("Yêu cầu không hợp lệ").encode(), content_type="text/plain; charset=utf-8"
        )
