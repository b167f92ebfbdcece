"""Wagtail's site history at Wagtail's own addresses, served by the reports' scoped view
(``reports/history.py``). The root ``urls.py`` lists these ahead of the admin's URLs, so every
link and ``reverse()`` to "wagtailadmin_reports:site_history" lands here.

Not a ViewSet: ``register_admin_viewset`` adds a ViewSet's URLs after Wagtail's own
``reports/`` URLs, where Wagtail's unscoped view would answer first.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .history import ScopedLogEntriesView

# With the admin's own decorators: signed-in admin users only, never cached.
urlpatterns = decorate_urlpatterns(
    [
        path("admin/reports/site-history/", ScopedLogEntriesView.as_view()),
        path(
            "admin/reports/site-history/results/",
            ScopedLogEntriesView.as_view(results_only=True),
        ),
    ],
    lambda view: never_cache(require_admin_access(view)),
)
