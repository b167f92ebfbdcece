"""The keep-records rule's answer on admin paths that have no refusal of their own.

The admin's delete views and bulk actions refuse a page or a person with records before Wagtail
starts (``courses.wagtail_hooks``). Any other admin path that tries (Wagtail's admin API
actions, e.g. ``POST /admin/api/main/pages/<id>/action/delete/``) meets the database rule
(``on_delete=PROTECT``, see ``courses.records``) as a ``ProtectedError``; this middleware turns it
into the same Vietnamese refusal, as JSON (400) for the API, as a message for a page, instead of
a server error. The API's actions run in one transaction, so a refused delete also leaves none
of what Wagtail wrote before deleting (its "deleted" audit entries).
"""

import contextlib

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Page

from . import records

ADMIN_PREFIX = "/admin/"


def _what(match):
    """The page or the person the request was about, from its URL, for the message."""
    pk = (match.kwargs.get("pk") or match.kwargs.get("page_id")) if match else None
    if not pk:
        return {}
    if "pages" in match.namespaces or "wagtailadmin_pages" in match.namespaces:
        return {"page": Page.objects.filter(pk=pk).first()}
    if "wagtailusers_users" in match.namespaces:
        return {"person": get_user_model().objects.filter(pk=pk).first()}
    return {}


class KeepRecordsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path.startswith(ADMIN_PREFIX + "api/"):
            # Named before the action runs: a refused delete leaves the transaction unusable.
            with contextlib.suppress(Resolver404):
                request.records_subject = _what(resolve(request.path_info))
            with transaction.atomic():  # rolled back by process_exception on a refusal
                return self.get_response(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ProtectedError):
            return None
        if not request.path.startswith(ADMIN_PREFIX):
            return None  # elsewhere a bug, not a person's action: let it be reported
        connection = transaction.get_connection()
        subject = getattr(request, "records_subject", None)
        if subject is None and not connection.needs_rollback:
            subject = _what(request.resolver_match)
        if connection.in_atomic_block:
            transaction.set_rollback(True)
        message = records.refusal(**(subject or {}))
        match = request.resolver_match
        if match and "wagtailadmin_api" in match.namespaces:
            return JsonResponse({"message": message}, status=400)
        messages.error(request, message)
        back = request.headers.get("referer", "")
        if back and url_has_allowed_host_and_scheme(back, {request.get_host()}):
            return redirect(back)
        return redirect("wagtailadmin_home")
