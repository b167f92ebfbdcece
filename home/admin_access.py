"""The admin's refusal page: a real 403 with the reason, rather than Wagtail's redirect to the
dashboard. A link to an admin screen may have been shared, and the person who opens it should
read why it does not open."""

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
