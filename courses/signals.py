"""Signal receivers of the courses app."""

from home.tasks import enqueue_in_transaction

from . import images, tasks


def page_published_make_renditions(sender, instance, **kwargs):
    """A page with images was published: queue its renditions in the publishing transaction
    (made by a worker, not at its first view; nothing queued if the publication rolls back)."""
    if images.page_image_kinds(instance):
        enqueue_in_transaction(tasks.page_renditions_make, instance.pk)
