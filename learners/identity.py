"""One identity per account for the sign-in lockout (django-axes ``AXES_USERNAME_CALLABLE``).

People sign in with their username or their employee code, in any case
(``learners.backends``). Axes would count failures per typed string, giving "CC000123",
"cc000123" and "nguyenvanan" their own five tries each. Here every string that names an
account counts against that account's username; a string that names no account counts as
itself, case-folded.
"""

from django.db.models import Case, IntegerField, Q, Value, When

from .models import User


def account_for_login(login):
    """The account a typed username or employee code names, or None (one query)."""
    login = (login or "").strip()
    if not login:
        return None
    return (
        User._default_manager.filter(
            Q(username=login) | Q(employee_code__iexact=login) | Q(username__iexact=login)
        )
        .annotate(
            rank=Case(
                When(username=login, then=Value(0)),
                When(employee_code__iexact=login, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "pk")
        .only("pk", "username")
        .first()
    )


def lockout_identity(request, credentials=None):
    """The string axes counts failures against."""
    login = (credentials or {}).get("username")
    if login is None and request is not None:
        login = getattr(request, "POST", {}).get("username")
    login = (login or "").strip()
    cache = getattr(request, "_lockout_identities", None) if request is not None else None
    if cache is not None and login in cache:
        return cache[login]
    account = account_for_login(login)
    identity = account.username if account else login.casefold()
    if request is not None:
        if cache is None:
            cache = {}
            try:
                request._lockout_identities = cache
            except AttributeError:
                return identity
        cache[login] = identity
    return identity
