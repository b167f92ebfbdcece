from django.conf import settings
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses import views as course_views
from home import views as home_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("learners.urls")),
    path("search/", home_views.search, name="search"),
    path("tags/", course_views.tag_index, name="tag_index"),
    path("tags/<str:slug>/", course_views.tag_detail, name="tag_detail"),
    path("hoc-tap/", course_views.dashboard, name="dashboard"),
    path("hoc-tap/ket-qua/", course_views.transcript, name="transcript"),
    path(
        "hoc-tap/bai-hoc/<int:lesson_id>/hoan-thanh/",
        course_views.lesson_complete,
        name="lesson_complete",
    ),
    path(
        "hoc-tap/bai-hoc/<int:lesson_id>/trang-chieu/",
        course_views.lesson_slide,
        name="lesson_slide",
    ),
    path("i18n/setlang/", set_language, name="set_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
