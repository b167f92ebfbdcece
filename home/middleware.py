from django.conf import settings
from django.utils import translation


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
