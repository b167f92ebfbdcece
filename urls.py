from django.conf import settings
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from reports import urls as reports_urls

urlpatterns = [
    # Wagtail's site history, limited to the HR scope (reports/urls.py): before the admin.
    *reports_urls.urlpatterns,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("learners.urls")),
    path("search/", home_views.search, name="search"),
    # Tags, Góc học tập, progress, Giấy chứng nhận (courses/urls.py).
    path("", include("courses.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "home.request_guard.bad_request"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
