"""Background work of the reports app: the exports too large for a request, and their clean-up.

An export job (``ExportJob``) is queued by the report's export link when the file would have
more than ``EXPORT_BACKGROUND_ROWS`` rows; a worker writes it to private storage; the officer who
asked downloads it; ``export_jobs_prune`` (hourly, ``reports/apps.py``) deletes it a day later.
"""

import tempfile
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import OperationalError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from courses.tasks import task_retry
from learners.roles import can_view_records

from . import admin_views
from .models import ExportJob

DEFAULT_KEEP_HOURS = 24
EXPORT_NOT_ALLOWED = _("Bạn không còn quyền xem kết quả học tập nên tệp không được tạo.")
EXPORT_SERVER_ERROR = _(
    "Máy chủ gặp lỗi khi chuẩn bị tệp. Hãy thử lại sau; nếu vẫn lỗi, hãy báo quản trị hệ thống."
)


def _close(job, status, error=""):
    ExportJob.objects.filter(pk=job.pk).update(
        status=status, error=str(error), finished_at=timezone.now()
    )


def export_job_run(export_id: int) -> str:
    """Write the job's file (idempotent: a finished job is left alone, an unfinished one is
    written again from the start). Returns the status."""
    job = ExportJob.objects.select_related("requested_by").filter(pk=export_id).first()
    if job is None:
        return "missing"
    if job.finished:
        return job.status
    if not can_view_records(job.requested_by):
        _close(job, ExportJob.Status.FAILED, EXPORT_NOT_ALLOWED)
        return ExportJob.Status.FAILED
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING)
    try:
        with tempfile.TemporaryFile() as output:
            admin_views.CompletionReportView.export_job_write(job, output)
            output.seek(0)
            old = job.file.name
            job.file.save(job.file_name, File(output), save=False)
        ExportJob.objects.filter(pk=job.pk).update(
            file=job.file.name, status=ExportJob.Status.READY, finished_at=timezone.now()
        )
        if old:
            job.file.storage.delete(old)
        return ExportJob.Status.READY
    except OperationalError:
        ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.QUEUED)
        raise
    except Exception:
        _close(job, ExportJob.Status.FAILED, EXPORT_SERVER_ERROR)
        raise


@task()
def export_job_make(export_id: int, attempt: int = 1) -> str:
    """Make the file of an export job (``export_job_run``); database errors are retried."""
    try:
        return export_job_run(export_id)
    except OperationalError:
        if task_retry(export_job_make, export_id, attempt=attempt):
            return "retrying"
        job = ExportJob.objects.filter(pk=export_id).first()
        if job is not None:
            _close(job, ExportJob.Status.FAILED, EXPORT_SERVER_ERROR)
        raise


@task()
def export_jobs_prune(hours: int | None = None) -> int:
    """Delete the export jobs (and their files) asked for more than ``hours`` ago
    (``EXPORT_KEEP_HOURS``, a day)."""
    if hours is None:
        hours = getattr(settings, "EXPORT_KEEP_HOURS", DEFAULT_KEEP_HOURS)
    old = ExportJob.objects.filter(created_at__lt=timezone.now() - timedelta(hours=hours))
    deleted = 0
    for job in old:
        if job.file:
            job.file.delete(save=False)
        job.delete()
        deleted += 1
    return deleted
