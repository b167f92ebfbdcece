import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils import translation
from django.utils.translation import gettext as _


class DefaultLanguageMiddleware:
    """Activate the language chosen with the language switcher, else Vietnamese.

    Django's LocaleMiddleware would follow the browser's Accept-Language header, so a civil
    servant whose browser is set to English would get an English site they never asked for.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


SESSION_EXPIRED = "Phiên làm việc đã hết hạn vì lâu không thao tác. Hãy đăng nhập lại."


class IdleTimeoutMiddleware:
    """Sign a person out after ``SESSION_IDLE_TIMEOUT`` seconds without a request.

    Office PCs are shared: a trainee who walks away must not leave their records open. The
    last-seen time is written at most once a minute, so most requests cost no session write.
    """

    resolution = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get("last_seen", now)
            if now - last_seen > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                messages.info(
                    request,
                    _("Phiên làm việc đã hết hạn vì lâu không thao tác. Hãy đăng nhập lại."),
                )
            elif now - last_seen >= self.resolution or "last_seen" not in request.session:
                request.session["last_seen"] = now
        return self.get_response(request)
