"""Background work of the courses app (django_tasks: run at once by the immediate backend,
by a worker when one is configured)."""

import time
from functools import partial

from django.db import transaction
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from wagtail.images import get_image_model
from wagtail.models import Page

from . import images

# With the immediate backend a task runs in the request that queued it (a publication, a PDF
# import): it stops making renditions after this long (an 8-slide deck takes 3-4 s), well inside
# a worker's 30-second timeout; the rest are made at the next publication, or at the first view.
IN_REQUEST_SECONDS = 10


def _deadline(task_, seconds=IN_REQUEST_SECONDS):
    if isinstance(task_.get_backend(), ImmediateBackend):
        return time.monotonic() + min(seconds, IN_REQUEST_SECONDS)
    return None


@task()
def page_renditions_make(page_id: int) -> int:
    """Make the renditions the page's public views show (``images.page_image_kinds``)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    pairs = images.page_image_kinds(page)
    return images.renditions_make(pairs, deadline=_deadline(page_renditions_make))


@task()
def image_renditions_make(
    image_ids: list[int], kind: str, in_request_seconds: float = IN_REQUEST_SECONDS
) -> int:
    """Make the renditions of one kind (``images.IMAGE_KINDS``) for these images, in the
    order given. ``in_request_seconds``: what the queuing request has left of its time, for the
    immediate backend."""
    found = get_image_model().objects.filter(pk__in=image_ids)
    pairs = [(image, kind) for image in sorted(found, key=lambda i: image_ids.index(i.pk))]
    deadline = _deadline(image_renditions_make, in_request_seconds)
    return images.renditions_make(pairs, deadline=deadline)


def task_enqueue_after_commit(task_, *args) -> None:
    """Queue the task once the current transaction commits (at once outside one): a worker
    must see the rows, and a rolled-back publication or import makes no renditions."""
    transaction.on_commit(partial(task_.enqueue, *args))
