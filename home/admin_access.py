"""Who may open an admin screen, and the refusal page for those who may not: a real 403 with
the reason, rather than Wagtail's redirect to the dashboard. A link to an admin screen may have
been shared, and the person who opens it should read why it does not open."""

from django.template.response import TemplateResponse

TEMPLATE = "home/admin/forbidden.html"


def admin_forbidden(request, message, *, back_url=None, back_label=None):
    """403 with ``message``, and a link back to ``back_url`` (the admin's home by default)."""
    return TemplateResponse(
        request,
        TEMPLATE,
        {"message": message, "back_url": back_url, "back_label": back_label},
        status=403,
    )


class AdminAccessMixin:
    """A view mixin that checks access before anything else runs.

    Subclasses answer ``has_access(request)`` (it may load the object the screen is about and
    keep it on ``self``, or raise ``Http404``) and set ``no_access_message``, the reason in the
    words of the screen's users; a refused request gets :func:`admin_forbidden` with it.
    """

    no_access_message = None
    # Where the refusal page links back to (a property may compute it); the admin's home if None.
    no_access_back_url = None
    no_access_back_label = None

    def has_access(self, request) -> bool:
        raise NotImplementedError

    def get_no_access_message(self):
        return self.no_access_message

    def dispatch(self, request, *args, **kwargs):
        if not self.has_access(request):
            return admin_forbidden(
                request,
                self.get_no_access_message(),
                back_url=self.no_access_back_url,
                back_label=self.no_access_back_label,
            )
        return super().dispatch(request, *args, **kwargs)
