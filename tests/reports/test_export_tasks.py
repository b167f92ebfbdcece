"""Large exports of the completion report are made by a worker: the click queues a job with the
filters and the officer's scope of that moment, the officer sees "Đang chuẩn bị tệp…" and then a
download link; only they may download it; it is deleted a day later. Small exports stay
immediate."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from learners.roles import TRAINER_GROUP
from reports import tasks
from reports.models import ExportJob
from tests.learners.factories import UserFactory

from .utils import body, column, csv_rows, url, xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def background(settings):
    settings.EXPORT_BACKGROUND_ROWS = 2  # the district's 5 rows go to the worker


def ask(client, course, export="csv", capture=None, **filters):
    address = url("reports_completion", course=course.pk, export=export, **filters)
    if capture is None:
        return client.get(address)
    with capture(execute=True):
        return client.get(address)


def test_a_small_export_stays_immediate(district_client, people, course):
    response = ask(district_client, course)
    assert response.status_code == 200
    assert response.streaming
    assert not ExportJob.objects.exists()


@pytest.mark.usefixtures("background", "people")
def test_a_large_export_is_queued_then_downloaded_by_its_officer(
    district_client, course, agencies, settings, django_capture_on_commit_callbacks
):
    response = ask(district_client, course, capture=django_capture_on_commit_callbacks)
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports_export", args=[job.pk])
    assert job.requested_by.username == "nhansu_huyen"  # the district's officer
    assert job.params == {"course": [str(course.pk)]}
    assert (job.scope_all, job.scope_path) == (False, agencies["HDS"].path)
    assert job.rows == 5
    assert job.status == "ready"
    assert job.file_name.startswith("ket-qua-hoc-tap-") and job.file_name.endswith(".csv")
    media = Path(settings.MEDIA_ROOT).resolve()
    assert media not in Path(job.file.path).parents  # private storage, no public URL

    page = district_client.get(response["Location"]).content.decode()
    assert "Tệp đã sẵn sàng." in page
    assert 'http-equiv="refresh"' not in page
    download = reverse("reports_export_download", args=[job.pk])
    assert download in page
    file = district_client.get(download)
    assert file.status_code == 200
    assert job.file_name in file["Content-Disposition"]

    # The same file as the immediate export of the same link.
    settings.EXPORT_BACKGROUND_ROWS = 1000
    immediate = ask(district_client, course)
    assert csv_rows(body(file)) == csv_rows(body(immediate))


@pytest.mark.usefixtures("background", "people")
def test_the_file_holds_the_scope_and_filters_of_the_click(
    district_client, course, django_capture_on_commit_callbacks
):
    response = ask(
        district_client, course, "xlsx", django_capture_on_commit_callbacks, ordering="-name"
    )
    job = ExportJob.objects.get()
    rows = xlsx_rows(body(district_client.get(reverse("reports_export_download", args=[job.pk]))))
    names = column(rows, "Họ và tên")
    assert names == [
        "Cán bộ tổ chức HDS",
        "Lê Văn Đức",
        "Nguyễn Văn Bình",
        "Phạm Thị Ánh",
        "Trần Thị An",
    ]  # the district's people only (not Tân Hòa's), in the order of the link
    assert response.status_code == 302


def test_while_it_is_being_made_the_page_says_so_and_reloads(
    background, district_client, people, course
):
    ask(district_client, course)  # no commit: the task is not run
    job = ExportJob.objects.get()
    assert job.status == "queued"
    page = district_client.get(reverse("reports_export", args=[job.pk])).content.decode()
    assert "Đang chuẩn bị tệp…" in page
    assert '<meta http-equiv="refresh" content="3">' in page
    # Not ready: the download link leads back to the page.
    response = district_client.get(reverse("reports_export_download", args=[job.pk]))
    assert response["Location"] == reverse("reports_export", args=[job.pk])


@pytest.mark.usefixtures("background", "people")
def test_only_the_officer_who_asked_may_see_or_download_the_file(
    district_client, officers, course, django_capture_on_commit_callbacks
):
    ask(district_client, course, capture=django_capture_on_commit_callbacks)
    job = ExportJob.objects.get()
    addresses = (
        reverse("reports_export", args=[job.pk]),
        reverse("reports_export_download", args=[job.pk]),
    )
    province = Client()
    province.force_login(officers["province"])  # a wider scope, but not theirs
    trainer = UserFactory()
    trainer.groups.add(Group.objects.get(name=TRAINER_GROUP))
    trainers = Client()
    trainers.force_login(trainer)
    for address in addresses:
        assert province.get(address).status_code == 404
        assert trainers.get(address).status_code == 403
        assert Client().get(address).status_code == 302  # the admin sign-in
        assert district_client.get(address).status_code == 200


def test_an_officer_who_lost_the_right_gets_no_file(
    background, district_client, officers, people, course
):
    ask(district_client, course)
    job = ExportJob.objects.get()
    officers["district"].groups.clear()
    assert tasks.export_job_make.call(job.pk) == "failed"
    job.refresh_from_db()
    assert job.error.startswith("Bạn không còn quyền")
    assert not job.file


def test_files_are_deleted_a_day_later(
    background, district_client, people, course, django_capture_on_commit_callbacks
):
    ask(district_client, course, capture=django_capture_on_commit_callbacks)
    job = ExportJob.objects.get()
    storage, name = job.file.storage, job.file.name
    assert storage.exists(name)
    assert tasks.export_jobs_prune.call() == 0  # still fresh
    ExportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(hours=25))
    assert tasks.export_jobs_prune.call() == 1
    assert not ExportJob.objects.exists()
    assert not storage.exists(name)


def test_the_prune_is_a_scheduled_job():
    from home.schedule import registered_jobs

    [job] = [job for job in registered_jobs() if job.name == "reports.export_jobs_prune"]
    assert job.task is tasks.export_jobs_prune
    assert job.every == timedelta(hours=1)
