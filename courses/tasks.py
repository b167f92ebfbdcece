"""Background work of the courses app (django_tasks: queued in the database and run by a
``db_worker`` outside the test suite; run at once by the immediate backend in the tests).

Queue them with ``home.tasks.enqueue_in_transaction``, in the transaction of the data they act
on. A database error (a locked SQLite file, a PostgreSQL serialisation or connection failure)
is worth retrying: the task queues itself again, a little later, up to ``RETRY_ATTEMPTS`` times.
Anything else is reported where it belongs (a slide import's reason) and not retried.
"""

from datetime import timedelta

from django.db import OperationalError
from django.utils import timezone
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.models import Page

from home.tasks import enqueue_in_transaction

from . import images, slide_import

RETRY_ATTEMPTS = 3
RETRY_DELAY_SECONDS = 30  # times the attempt: 30 s, then 60 s


def task_retry(task_, *args, attempt: int) -> bool:
    """Queue ``task_`` again (with ``attempt + 1``) after a database error; False once the
    attempts are used up. The database backend runs it later; the immediate one at once."""
    if attempt >= RETRY_ATTEMPTS:
        return False
    if task_.get_backend().supports_defer:
        task_ = task_.using(
            run_after=timezone.now() + timedelta(seconds=RETRY_DELAY_SECONDS * attempt)
        )
    enqueue_in_transaction(task_, *args, attempt=attempt + 1)
    return True


@task()
def page_renditions_make(page_id: int, attempt: int = 1) -> int:
    """Make the renditions the page's public views show (``images.page_image_kinds``)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    try:
        return images.renditions_make(images.page_image_kinds(page))
    except OperationalError:
        if not task_retry(page_renditions_make, page_id, attempt=attempt):
            raise
        return 0


@task()
def image_renditions_make(image_ids: list[int], kind: str, attempt: int = 1) -> int:
    """Make the renditions of one kind (``images.IMAGE_KINDS``) for these images, in the
    order given."""
    found = get_image_model().objects.filter(pk__in=image_ids)
    pairs = [(image, kind) for image in sorted(found, key=lambda i: image_ids.index(i.pk))]
    try:
        return images.renditions_make(pairs)
    except OperationalError:
        if not task_retry(image_renditions_make, image_ids, kind, attempt=attempt):
            raise
        return 0


@task()
def slide_import_render(import_id: int, attempt: int = 1) -> str:
    """Render a queued PDF slide import and add its deck to the lesson
    (``slide_import.slide_import_run``); returns the job's status."""
    try:
        return slide_import.slide_import_run(import_id)
    except OperationalError:
        if task_retry(slide_import_render, import_id, attempt=attempt):
            return "retrying"
        slide_import.slide_import_give_up(import_id)
        raise


@task()
def slide_imports_prune() -> int:
    """Hourly: close imports whose worker died and delete uploads nothing waits for."""
    return slide_import.slide_imports_prune()
