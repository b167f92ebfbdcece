"""A large export with the real queue (django_tasks_db) and its worker, as in production: the
job and its task are stored by the click's transaction, the worker writes the file."""

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from reports.models import ExportJob
from tests.home.test_tasks_queue import DB_TASKS, worker_batch

from .utils import body, column, url, xlsx_rows

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.usefixtures("people")
def test_the_click_queues_the_export_and_the_worker_writes_it(settings, district_client, course):
    settings.TASKS = DB_TASKS
    settings.EXPORT_BACKGROUND_ROWS = 2
    response = district_client.get(url("reports_completion", course=course.pk, export="xlsx"))
    job = ExportJob.objects.get()
    [queued] = DBTaskResult.objects.filter(task_path="reports.tasks.export_job_make")
    assert queued.status == "READY"
    assert queued.args_kwargs["args"] == [job.pk]
    page = district_client.get(response["Location"]).content.decode()
    assert "Đang chuẩn bị tệp…" in page

    worker_batch()

    job.refresh_from_db()
    assert job.status == "ready"
    assert DBTaskResult.objects.get(pk=queued.pk).status == "SUCCESSFUL"
    data = body(district_client.get(reverse("reports_export_download", args=[job.pk])))
    assert len(column(xlsx_rows(data), "Họ và tên")) == 5
