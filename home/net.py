"""The client's address, one definition for the lockout (django-axes) and the rate limits."""

import ipaddress

from django.conf import settings


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The address the request came from, as the trusted proxies in front of the site saw it.

    ``TRUSTED_PROXY_COUNT`` = 0 (the default): ``REMOTE_ADDR``; ``X-Forwarded-For`` is ignored,
    since anyone can send it. N > 0: N proxies of our own each append the address they received
    the request from, so the Nth address from the right is the client's; whatever is left of
    it was written by the client and is not trusted. A header that is missing, shorter than N
    or not an address falls back to ``REMOTE_ADDR``.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        header = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in header.split(",") if hop.strip()]
        if len(hops) >= count:
            address = _valid(hops[-count])
            if address:
                return address
    return _valid(remote) or remote
