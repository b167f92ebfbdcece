from django.conf import settings
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses import certificate_views
from courses import views as course_views
from home import views as home_views
from reports import history as site_history

urlpatterns = [
    # Wagtail's site history, limited to the HR scope (reports/history.py): before the admin.
    *site_history.urlpatterns,
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

# Giấy chứng nhận: the learner's download and public verification by code.
urlpatterns += [
    path(
        "giay-chung-nhan/<str:number>.pdf",
        certificate_views.certificate_download,
        name="certificate_download",
    ),
    path(
        "giay-chung-nhan/khoa-hoc/<int:course_id>/",
        certificate_views.certificate_for_course,
        name="certificate_for_course",
    ),
    path("xac-thuc/", certificate_views.certificate_verify, name="certificate_verify"),
    path(
        "xac-thuc/<str:code>/",
        certificate_views.certificate_verify_code,
        name="certificate_verify_code",
    ),
]

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "home.request_guard.bad_request"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
