"""The permission matrix, the public site outside the apps' own pages: search, the language
switch, documents, Wagtail's page privacy forms and the page catch-all (home page)."""

import pytest

from tests.matrix.checks import (
    obj,
    url,
)
from tests.matrix.core import (
    OK,
    Probe,
    Rule,
    everyone,
    redirect_to,
)
from tests.matrix.runner import assert_rule_holds, cases

RULES = [
    Rule(
        "search",
        ("search/",),
        (Probe("/search/?q=ma+tr%E1%BA%ADn", everyone(OK)),),
        why="public: live, public pages only",
    ),
    Rule(
        "set-language",
        ("i18n/setlang/",),
        (
            Probe("/i18n/setlang/", everyone(redirect_to("/", exact=True))),
            Probe(
                "/i18n/setlang/",
                everyone(redirect_to("/", exact=True)),
                method="post",
                data={"language": "en", "next": "/"},
            ),
        ),
    ),
    Rule(
        "documents",
        ("documents/(\\d+)/(.*)$",),
        (Probe(lambda world: world.document.url, everyone(OK)),),
        why="documents in the public root collection",
    ),
    Rule(
        "document-password",
        ("documents/authenticate_with_password/<int:restriction_id>/",),
        (
            Probe(
                url("wagtaildocs_authenticate_with_password", obj("collection_password.pk")),
                everyone(OK),
            ),
        ),
    ),
    Rule(
        "page-password",
        ("_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",),
        (
            Probe(
                url(
                    "wagtailcore_authenticate_with_password",
                    obj("page_password.pk"),
                    obj("secret.pk"),
                ),
                everyone(OK),
            ),
        ),
    ),
    Rule("page-login", ("_util/login/",), (Probe("/_util/login/", everyone(OK)),)),
    Rule(
        "page-home",
        ("^((?:[\\w\\-]+/)*)$", "page:home.homepage"),
        (Probe("/", everyone(OK)),),
        why="the page catch-all; each page type has its own rule",
    ),
]


@pytest.mark.parametrize(("rule", "role"), cases(RULES))
def test_access(world, db, rule, role):
    assert_rule_holds(world, rule, role)
