"""The pieces of the permission matrix: roles, expected answers, probes, rules, and the walk
over every route the site answers (the URL configuration and the pages' own sub-routes)."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site, get_page_models

ROLES = (
    "anonymous",
    "trainee_a",
    "trainee_b",
    "trainer",
    "hr_other",
    "hr_province",
    "admin",
)
PAGE_PREFIX = "page:"


# Expected answers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Status:
    """An HTTP status, and for a redirect where it must go (a prefix, or exactly)."""

    code: int
    location: str | Callable | None = None
    exact: bool = False
    label: str = ""

    def __str__(self):
        return self.label or (f"{self.code} → {self.location}" if self.location else str(self.code))

    def problems(self, response, world) -> list[str]:
        found = response.status_code
        where = response.get("Location", "")
        if found != self.code:
            return [f"expected {self}, got {found}" + (f" → {where}" if where else "")]
        if self.location is None:
            return []
        wanted = self.location(world) if callable(self.location) else self.location
        if (where != wanted) if self.exact else not where.startswith(wanted):
            return [f"expected {self} ({wanted}), got {found} → {where}"]
        return []


def redirect_to(location, *, exact=False, label=""):
    return Status(302, location, exact=exact, label=label)


OK = Status(200)
NO_CONTENT = Status(204)
BAD_REQUEST = Status(400)
UNAUTHORISED = Status(401)
FORBIDDEN = Status(403)
NOT_FOUND = Status(404)
NOT_ALLOWED = Status(405)
SERVER_ERROR = Status(500)
# The site's sign-in page (Django's login_required and Wagtail's page privacy).
LOGIN = redirect_to("/accounts/login/?next=", label="302 → site sign-in")
# Wagtail's admin gate: anonymous people, and people without ``wagtailadmin.access_admin``.
ADMIN_LOGIN = redirect_to("/admin/login/?next=", label="302 → admin sign-in")
# Wagtail's "Sorry, you do not have permission to access this area": back to the dashboard.
ADMIN_DENIED = redirect_to("/admin/", exact=True, label="302 → admin dashboard (no permission)")


def everyone(status):
    return dict.fromkeys(ROLES, status)


def signed_in(status, *, anonymous=LOGIN, **overrides):
    """``status`` for every signed-in role, ``anonymous`` for the rest."""
    return {**dict.fromkeys(ROLES, status), "anonymous": anonymous, **overrides}


def admin_view(*, trainer, hr, admin=OK, hr_other=None, hr_province=None):
    """A view behind Wagtail's admin gate: anonymous people and trainees (no admin access) are
    sent to the admin sign-in; the other roles get what is given."""
    return {
        "anonymous": ADMIN_LOGIN,
        "trainee_a": ADMIN_LOGIN,
        "trainee_b": ADMIN_LOGIN,
        "trainer": trainer,
        "hr_other": hr if hr_other is None else hr_other,
        "hr_province": hr if hr_province is None else hr_province,
        "admin": admin,
    }


def admin_only(denied=ADMIN_DENIED, admin=OK):
    """Administrator only; trainers and HR officers get Wagtail's permission-denied answer."""
    return admin_view(trainer=denied, hr=denied, admin=admin)


def trainer_view(allowed=OK, denied=ADMIN_DENIED, admin=None):
    """Content editing: the trainer (and the administrator) may, HR officers may not."""
    return admin_view(trainer=allowed, hr=denied, admin=allowed if admin is None else admin)


# Probes and rules -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Probe:
    """One request and the answer each role must get.

    ``url`` and ``data`` may be callables of the world. ``check(seen)`` asserts what the
    response shows, once its status is the expected one; ``effect(seen)`` asserts what the
    request changed (or did not change) in the database, whatever the status. The URL must
    resolve to a route the rule covers; ``route=None`` skips that (a draft page's URL resolves
    to nothing).
    """

    url: str | Callable
    expect: Mapping[str, Status]
    method: str = "get"
    data: Mapping | Callable | None = None
    headers: Mapping | None = None
    check: Callable | None = None
    effect: Callable | None = None
    route: str | None = ""
    note: str = ""

    def __post_init__(self):
        assert set(self.expect) == set(ROLES), f"every role needs an answer: {self.url}"


@dataclass(frozen=True)
class Rule:
    """Routes (exact route strings, or prefixes ending with ``*``) and the probes that test
    them. ``bugs`` maps a role to the reason its row is a known access bug (strict xfail)."""

    id: str
    routes: tuple[str, ...]
    probes: tuple[Probe, ...]
    why: str = ""
    bugs: Mapping[str, str] = field(default_factory=dict)

    def covers(self, route: str) -> bool:
        return any(
            route.startswith(pattern[:-1]) if pattern.endswith("*") else route == pattern
            for pattern in self.routes
        )


# Every route the site answers -------------------------------------------------------------------


def _walk(patterns, prefix=""):
    for pattern in patterns:
        route = URLResolver._join_route(prefix, str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def url_routes() -> list[str]:
    """Every route of the URL configuration, Wagtail admin's included ones too, as Django's
    ``ResolverMatch.route`` writes them."""
    return list(dict.fromkeys(_walk(get_resolver().url_patterns)))


def page_routes() -> list[str]:
    """What the page catch-all serves: one route per page type (``page:app.model``), and one per
    sub-route of routable pages (``page:quizzes.quizpage:luot/<int:number>/``). The tree root
    (plain ``wagtailcore.Page``) is never served."""
    routes = []
    for model in get_page_models():
        if model is Page:
            continue
        routes.append(f"{PAGE_PREFIX}{model._meta.label_lower}")
        if issubclass(model, RoutablePageMixin):
            routes.extend(
                f"{PAGE_PREFIX}{model._meta.label_lower}:{pattern.pattern}"
                for pattern in model.get_subpage_urls()
            )
    return routes


def all_routes() -> list[str]:
    return list(dict.fromkeys(url_routes() + page_routes()))


def route_of(url: str) -> str:
    """The route a URL resolves to; for pages, the page type and sub-route as above."""
    path = urlsplit(url).path
    match = resolve(path)
    if match.url_name != "wagtail_serve":
        return match.route
    request = RequestFactory().get(path)
    root = Site.objects.get(is_default_site=True).root_page.specific
    page = root.route(request, [part for part in path.split("/") if part]).page.specific
    route = f"{PAGE_PREFIX}{page._meta.label_lower}"
    if not isinstance(page, RoutablePageMixin):
        return route
    rest = path[len(page.url) :]
    for pattern in type(page).get_subpage_urls():
        if pattern.resolve(rest):
            return f"{route}:{pattern.pattern}"
    return route
