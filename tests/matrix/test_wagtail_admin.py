"""The permission matrix, Wagtail's own admin: the sections that no project code adds (pages,
images, documents, snippets, collections, workflows, reports, settings…), grouped by prefix and
tested through representative URLs, and the admin's public pages and catch-all."""

import pytest
from wagtail.models import Page

from tests.matrix.checks import (
    ADMIN_GATE_404,
    ANY_ADMIN_USER,
    CHOOSER,
    a_deleted,
    changed_only_for,
    hides,
    lesson_admin,
    lesson_exists_with_progress,
    nothing_changed,
    obj,
    signed_out,
    spare_deleted,
    url,
)
from tests.matrix.core import (
    ADMIN_DENIED,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    SERVER_ERROR,
    Probe,
    Rule,
    admin_only,
    admin_view,
    everyone,
    redirect_to,
    trainer_view,
)
from tests.matrix.runner import assert_rule_holds, cases
from tests.matrix.world import (
    A_NAME,
    REVOKE_REASON,
)

RULES = [
    Rule("admin-home", ("admin/",), (Probe("/admin/", ANY_ADMIN_USER),)),
    Rule(
        "admin-test404",
        ("admin/test404/",),
        (Probe("/admin/test404/", ANY_ADMIN_USER),),
        why="Wagtail's preview of its 404 template",
    ),
    Rule(
        "admin-failwhale",
        ("admin/failwhale/",),
        (
            Probe(
                "/admin/failwhale/",
                admin_view(trainer=SERVER_ERROR, hr=SERVER_ERROR, admin=SERVER_ERROR),
            ),
        ),
        why="Wagtail's deliberate error page, behind the admin gate",
    ),
    Rule(
        "admin-api",
        ("admin/api/*",),
        (
            Probe("/admin/api/main/pages/", ANY_ADMIN_USER),
            Probe(
                lambda world: f"/admin/api/main/pages/{world.lesson.pk}/",
                trainer_view(denied=NOT_FOUND),
            ),
            Probe("/admin/api/main/documents/", ANY_ADMIN_USER),
        ),
        why="the admin's JSON API: pages are given in detail to their editors only",
    ),
    Rule(
        "admin-bulk-actions",
        ("admin/bulk/<str:app_label>/<str:model_name>/<str:action>/",),
        (
            Probe(
                lambda world: f"/admin/bulk/learners/user/delete/?id={world.spare.pk}",
                admin_only(),
            ),
            Probe(
                lambda world: f"/admin/bulk/learners/user/delete/?id={world.spare.pk}",
                admin_only(admin=redirect_to("/admin/")),
                method="post",
                effect=changed_only_for(("admin",), spare_deleted, "deleting a person in bulk"),
            ),
            Probe(
                lambda world: f"/admin/bulk/learners/user/delete/?id={world.users['trainee_a'].pk}",
                admin_only(admin=redirect_to("/admin/")),
                method="post",
                effect=nothing_changed(a_deleted, "deleting a person with records in bulk"),
            ),
            Probe(
                lambda world: f"/admin/bulk/wagtailcore/page/delete/?id={world.lesson.pk}",
                admin_view(
                    trainer=redirect_to("/admin/"),
                    hr=redirect_to("/admin/"),
                    admin=redirect_to("/admin/"),
                ),
                method="post",
                effect=nothing_changed(
                    lambda world, role: not lesson_exists_with_progress(world, role),
                    "deleting a lesson with progress in bulk",
                ),
            ),
            Probe(
                lambda world: f"/admin/bulk/wagtailcore/page/unpublish/?id={world.lesson.pk}",
                ANY_ADMIN_USER,
                note="the confirmation lists what the user may not unpublish",
            ),
            Probe(
                lambda world: f"/admin/bulk/wagtailcore/page/unpublish/?id={world.lesson.pk}",
                admin_view(
                    trainer=redirect_to("/admin/"),
                    hr=redirect_to("/admin/"),
                    admin=redirect_to("/admin/"),
                ),
                method="post",
                effect=changed_only_for(
                    ("trainer", "admin"),
                    lambda world, role: not Page.objects.get(pk=world.lesson.pk).live,
                    "unpublishing a lesson in bulk",
                ),
            ),
        ),
    ),
    Rule(
        "pages-explorer",
        (
            "admin/pages/",
            "admin/pages/<int:parent_page_id>/",
            "admin/pages/<int:parent_page_id>/results/",
        ),
        (
            Probe(
                "/admin/pages/",
                trainer_view(
                    allowed=redirect_to(lambda world: f"/admin/pages/{world.home.pk}/", exact=True),
                    admin=OK,
                ),
                note="a trainer starts at the site's home page, where the permissions are",
            ),
            Probe(lambda world: f"/admin/pages/{world.module.pk}/", trainer_view()),
            Probe(lambda world: f"/admin/pages/{world.module.pk}/results/", trainer_view()),
        ),
        why="trainers write the course pages; HR officers have no page permission",
    ),
    Rule(
        "pages-editing",
        ("admin/pages/*",),
        (
            Probe(lesson_admin("edit/"), trainer_view()),
            Probe(lesson_admin("history/"), trainer_view()),
            Probe(lesson_admin("unpublish/"), trainer_view()),
            Probe(lesson_admin("privacy/"), trainer_view()),
            Probe(
                lambda world: f"/admin/pages/add/courses/lessonpage/{world.module.pk}/",
                trainer_view(),
            ),
            Probe("/admin/pages/search/?q=ma", trainer_view()),
        ),
        why="Wagtail's page editing: trainers (page permissions on the site) and the admin",
    ),
    Rule(
        "page-chooser",
        (
            "admin/choose-page/*",
            "admin/choose-external-link/",
            "admin/choose-email-link/",
            "admin/choose-phone-link/",
            "admin/choose-anchor-link/",
        ),
        (
            Probe("/admin/choose-page/", CHOOSER),
            Probe(lambda world: f"/admin/choose-page/{world.module.pk}/", CHOOSER),
            Probe("/admin/choose-external-link/", CHOOSER),
        ),
        why="public page titles for link choosers in any rich text field",
    ),
    Rule(
        "tag-autocomplete",
        ("admin/tag-autocomplete/*",),
        (
            Probe("/admin/tag-autocomplete/?term=ma", ANY_ADMIN_USER),
            Probe("/admin/tag-autocomplete/taggit/tag/?term=ma", ANY_ADMIN_USER),
        ),
    ),
    Rule(
        "collections",
        ("admin/collections/*",),
        (
            Probe("/admin/collections/", admin_only()),
            Probe(url("wagtailadmin_collections:edit", obj("collection.pk")), admin_only()),
            Probe(url("wagtailadmin_collections:set_privacy", obj("collection.pk")), admin_only()),
        ),
    ),
    Rule(
        "workflows",
        ("admin/workflows/*",),
        (
            Probe("/admin/workflows/list/", admin_only()),
            Probe(url("wagtailadmin_workflows:edit", obj("workflow.pk")), admin_only()),
            Probe("/admin/workflows/task_chooser/", CHOOSER),
        ),
    ),
    Rule(
        "wagtail-reports",
        (
            "admin/reports/locked/*",
            "admin/reports/workflow/*",
            "admin/reports/workflow_tasks/*",
            "admin/reports/aging-pages/*",
            "admin/reports/page-types-usage/*",
        ),
        (
            Probe("/admin/reports/locked/", trainer_view()),
            Probe("/admin/reports/workflow/", trainer_view()),
            Probe("/admin/reports/aging-pages/", trainer_view()),
        ),
        why="Wagtail's page reports: for page editors",
    ),
    Rule(
        "site-history",
        ("admin/reports/site-history/*",),
        (
            Probe(
                "/admin/reports/site-history/",
                ANY_ADMIN_USER,
                check=hides(
                    A_NAME,
                    obj("certificate_revoked.number"),
                    REVOKE_REASON,
                    roles=("trainer", "hr_other"),
                ),
            ),
            Probe(
                "/admin/reports/site-history/results/?export=csv",
                ANY_ADMIN_USER,
                check=hides(
                    A_NAME,
                    obj("certificate_revoked.number"),
                    REVOKE_REASON,
                    roles=("trainer", "hr_other"),
                ),
            ),
        ),
        why="the audit log: entries about people only inside the viewer's HR scope",
    ),
    Rule("admin-account", ("admin/account/",), (Probe("/admin/account/", ANY_ADMIN_USER),)),
    Rule(
        "admin-logout",
        ("admin/logout/",),
        (
            Probe(
                "/admin/logout/",
                admin_view(trainer=NOT_ALLOWED, hr=NOT_ALLOWED, admin=NOT_ALLOWED),
            ),
            Probe(
                "/admin/logout/",
                admin_view(
                    trainer=redirect_to("/admin/login/"),
                    hr=redirect_to("/admin/login/"),
                    admin=redirect_to("/admin/login/"),
                ),
                method="post",
                check=lambda seen: (
                    seen.role in ("anonymous", "trainee_a", "trainee_b") or signed_out(seen)
                ),
            ),
        ),
    ),
    Rule(
        "admin-dismissibles",
        ("admin/dismissibles/",),
        (Probe("/admin/dismissibles/", ANY_ADMIN_USER),),
    ),
    Rule(
        "editing-sessions",
        ("admin/editing-sessions/*",),
        (
            Probe(
                lambda world: f"/admin/editing-sessions/ping/wagtailcore/page/{world.lesson.pk}/0/",
                trainer_view(denied=NOT_FOUND),
                method="post",
            ),
            Probe("/admin/editing-sessions/release/999999/", ANY_ADMIN_USER, method="post"),
        ),
    ),
    Rule(
        "block-preview",
        ("admin/block-preview/",),
        (Probe("/admin/block-preview/", ADMIN_GATE_404, note="404 without a block id"),),
    ),
    Rule(
        "form-submissions",
        ("admin/forms/*",),
        (
            Probe("/admin/forms/", trainer_view()),
            Probe(
                lambda world: f"/admin/forms/submissions/{world.lesson.pk}/",
                ADMIN_GATE_404,
                note="the site has no form pages: a lesson is not one",
            ),
        ),
    ),
    Rule(
        "redirects",
        ("admin/redirects/*",),
        (
            Probe("/admin/redirects/", admin_only()),
            Probe(url("wagtailredirects:edit", obj("redirect.pk")), admin_only()),
            Probe("/admin/redirects/import/", admin_only()),
        ),
    ),
    Rule(
        "site-settings",
        ("admin/settings/*",),
        (Probe(url("wagtailsettings:edit", "home", "sitesettings", obj("site.pk")), admin_only()),),
    ),
    Rule("embeds", ("admin/embeds/*",), (Probe("/admin/embeds/chooser/", CHOOSER),)),
    Rule(
        "snippets-index",
        ("admin/snippets/",),
        (
            Probe(
                "/admin/snippets/",
                admin_view(trainer=ADMIN_DENIED, hr=ADMIN_DENIED, admin=ADMIN_DENIED),
                note="every snippet has its own menu item, so the index lists nothing",
            ),
        ),
    ),
    Rule(
        "documents-admin",
        ("admin/documents/*",),
        (
            Probe("/admin/documents/", trainer_view()),
            Probe(url("wagtaildocs:edit", obj("document.pk")), trainer_view()),
            Probe(
                "/admin/documents/chooser/",
                CHOOSER,
                check=hides("Tài liệu ma trận", roles=("hr_other", "hr_province")),
            ),
        ),
    ),
    Rule(
        "images-admin",
        ("admin/images/*",),
        (
            Probe("/admin/images/", trainer_view()),
            Probe(url("wagtailimages:edit", obj("image.pk")), trainer_view()),
            Probe(
                "/admin/images/chooser/",
                CHOOSER,
                check=hides("Ảnh trang chiếu ma trận", roles=("hr_other", "hr_province")),
            ),
        ),
    ),
    Rule(
        "sites",
        ("admin/sites/*",),
        (
            Probe("/admin/sites/", admin_only()),
            Probe(url("wagtailsites:edit", obj("site.pk")), admin_only()),
        ),
    ),
    Rule(
        "admin-public",
        ("admin/sprite/", "admin/login/", "admin/password_reset/*", "admin/jsi18n/"),
        (
            Probe("/admin/sprite/", everyone(OK)),
            Probe(
                "/admin/login/",
                {
                    **everyone(redirect_to("/admin/", exact=True)),
                    "anonymous": OK,
                    "trainee_a": OK,
                    "trainee_b": OK,
                },
            ),
            Probe("/admin/password_reset/", everyone(OK)),
            Probe("/admin/jsi18n/", everyone(OK)),
        ),
        why="outside the admin gate: the sign-in page and its assets",
    ),
    Rule(
        "admin-catch-all",
        ("admin/.*/$",),
        (Probe("/admin/khong-co-trang-nay/", ADMIN_GATE_404),),
    ),
]


@pytest.mark.parametrize(("rule", "role"), cases(RULES))
def test_access(world, db, rule, role):
    assert_rule_holds(world, rule, role)
