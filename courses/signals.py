"""Signal receivers of the courses app."""

from . import images, tasks


def page_published_make_renditions(sender, instance, **kwargs):
    """A page with images was published: make its renditions now, not at its first view."""
    if images.page_image_kinds(instance):
        tasks.task_enqueue_after_commit(tasks.page_renditions_make, instance.pk)
