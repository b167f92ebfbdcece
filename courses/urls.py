"""The courses app's routes on the site: tags, the learner's dashboard (Góc học tập),
transcript and progress endpoints, and Giấy chứng nhận (download and public verification).
Included at the root by the project's ``urls.py``; the admin screens are ViewSets
(``courses.wagtail_hooks``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("tags/", views.tag_index, name="tag_index"),
    path("tags/<str:slug>/", views.tag_detail, name="tag_detail"),
    path("hoc-tap/", views.dashboard, name="dashboard"),
    path("hoc-tap/ket-qua/", views.transcript, name="transcript"),
    path(
        "hoc-tap/bai-hoc/<int:lesson_id>/hoan-thanh/",
        views.lesson_complete,
        name="lesson_complete",
    ),
    path(
        "hoc-tap/bai-hoc/<int:lesson_id>/trang-chieu/",
        views.lesson_slide,
        name="lesson_slide",
    ),
    # Giấy chứng nhận: the learner's download and public verification by code.
    path(
        "giay-chung-nhan/<str:number>.pdf",
        views.certificate_download,
        name="certificate_download",
    ),
    path(
        "giay-chung-nhan/khoa-hoc/<int:course_id>/",
        views.certificate_for_course,
        name="certificate_for_course",
    ),
    path("xac-thuc/", views.certificate_verify, name="certificate_verify"),
    path("xac-thuc/<str:code>/", views.certificate_verify_code, name="certificate_verify_code"),
]
