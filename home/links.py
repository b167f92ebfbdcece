"""Links that leave the site: in e-mails, on printed slips and certificates."""

from django.conf import settings


def absolute_url(path: str = "") -> str:
    """``path`` (a site path such as ``/hoc-tap/``) on the site's public address
    (``WAGTAILADMIN_BASE_URL``); an address that is absolute already is kept as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
