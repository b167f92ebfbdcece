"""Settings shared by every environment. No secret lives here."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
# "development", "test" or "production": set by each settings module.
ENVIRONMENT = "development"

INSTALLED_APPS = [
    "home",
    "learners",
    "courses",
    "quizzes",
    "demo",
    "reports",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "learners.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "csp",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A NUL in the URL, cookies, headers or form fields: 400 before anything reaches the database.
    "home.request_guard.RequestGuardMiddleware",
    # A full disk or a database at its limits: a 503 page that says so, not a 500.
    "home.outage.StorageUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.DefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.middleware.IdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    # Training records are kept: a refused delete on an admin path answers in words, not 500.
    "courses.middleware.KeepRecordsMiddleware",
    # Last, so that it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "urls"
WSGI_APPLICATION = "wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite by default; DATABASE_URL (e.g. postgres://user@host:5432/name) switches engine.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
# SQLite for a small office (several workers, one file):
# - WAL: readers never wait for the writer, nor the writer for readers (the mode is stored in
#   the file; an in-memory test database stays "memory");
# - IMMEDIATE: every transaction.atomic() takes the write lock when it begins, so a transaction
#   that reads and then writes waits for the lock (busy timeout) instead of failing at once with
#   "database is locked" when it tries to upgrade;
# - timeout: how long a write waits for another one to finish (an autocommit statement outside
#   atomic() waits too: SQLite calls the busy handler when a statement starts its transaction);
# - synchronous=NORMAL: safe with WAL (a power cut may lose the last commits, never corrupt).
SQLITE_BUSY_TIMEOUT = 20  # seconds; below gunicorn's 30-second worker timeout
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": SQLITE_BUSY_TIMEOUT,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "learners.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "learners.backends.UsernameOrEmployeeCodeBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Shared office PCs: a session ends after 30 idle minutes (home.middleware.IdleTimeoutMiddleware)
# and when the browser closes.
SESSION_IDLE_TIMEOUT = 30 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_SAMESITE = "Lax"
# Sessions live in the database and are read through the cache that every worker process
# shares (cached_db: one query less on every signed-in page), so a sign-out holds on every
# worker: the file cache of this machine by default, Redis with REDIS_URL (a Redis outage falls
# back to the database, home.cache).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
CSRF_FAILURE_VIEW = "home.views.csrf_failure"
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Internationalisation: Vietnamese first, English available.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
# locale/: the site's own strings (makemessages). locale_admin/: Vietnamese for the Wagtail admin
# screens trainers and HR officers use that Wagtail's own catalogue leaves in English.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_admin"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["home.formats"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "home.storage.ServerNamedStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Without Redis: files on this machine's disk, which every worker process reads and writes
# (a per-process memory cache would keep a signed-out session alive in the other workers, and a
# site-settings edit out of them). One machine only: several app servers need REDIS_URL.
CACHES = {
    "default": {
        "BACKEND": "home.cache.SharedFileCache",
        "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / ".cache" / "django")),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}
if os.environ.get("REDIS_URL"):
    # Short timeouts, a circuit breaker, and degrade-to-empty on an outage (home/cache.py).
    CACHES = {
        "default": {
            "BACKEND": "home.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "parlearn",
        }
    }

# E-mail is printed (by the process that sends it: the task worker) unless
# DJANGO_EMAIL_BACKEND says otherwise, e.g. django.core.mail.backends.filebased.EmailBackend
# with DJANGO_EMAIL_FILE_PATH (one .log file per connection in that folder; default
# /tmp/parlearn-mail).
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_FILE_PATH = os.environ.get("DJANGO_EMAIL_FILE_PATH", "/tmp/parlearn-mail")  # noqa: S108
# A hung SMTP server must not hold a task worker: the send fails after this many seconds and
# the message is retried later (home.tasks.mail_send).
EMAIL_TIMEOUT = int(os.environ.get("DJANGO_EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "PAR Learn <no-reply@localhost>")

# Background work through django_tasks (the backport Wagtail installs), queued in the database
# (django_tasks_db): enqueue() inserts a row in the caller's transaction, so a rolled-back
# transaction leaves no task and a committed one is seen by the workers (`manage.py db_worker`).
# home.tasks.enqueue_in_transaction does the right thing for any backend.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Finished task rows and scheduler slots are deleted after this many days (home.tasks).
TASK_RESULTS_KEEP_DAYS = 14
# Reminders (courses/reminders/): an assigned course not started after this many days; a
# reminder this many days before the due date.
REMINDER_NOT_STARTED_DAYS = int(os.environ.get("REMINDER_NOT_STARTED_DAYS", "7"))
REMINDER_DUE_SOON_DAYS = int(os.environ.get("REMINDER_DUE_SOON_DAYS", "7"))

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "PAR Learn"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search.backend"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp", "gif": "webp"}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv", "zip"]
DOCUMENT_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
# A lecture's PDF turned into a slide deck (courses/slide_import.py): checked in the request,
# rendered by a task worker (SLIDE_PDF_MAX_SECONDS bounds the rendering).
SLIDE_PDF_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
SLIDE_PDF_MAX_PAGES = 80  # about 50–150 ms a page: well inside a worker's timeout
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_USER_EDIT_FORM = "learners.forms.AdminUserEditForm"
WAGTAIL_USER_CREATION_FORM = "learners.forms.AdminUserCreationForm"
WAGTAIL_USER_CUSTOM_FIELDS = ["full_name", "employee_code", "agency", "position", "phone"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: the admin would load every avatar from an outside server (no CDN, no tracking).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Pages restricted to signed-in people send visitors to the site's own sign-in page.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Login lockout (django-axes): 5 failures for one username from one address lock it for
# 15 minutes; a success resets the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "learners/lockout.html"
AXES_USERNAME_FORM_FIELD = "username"
# One lockout count per account, whether it is typed as its username, its employee code or in
# another case; and the client address as home.net.client_ip finds it.
AXES_USERNAME_CALLABLE = "learners.identity.lockout_identity"
AXES_CLIENT_IP_CALLABLE = "home.net.client_ip"

# Reverse proxies in front of the site that append to X-Forwarded-For (0: none, the address is
# REMOTE_ADDR and the header is ignored; 1: one nginx, the last address in the header is the
# client's). Used by the lockout and the rate limits (home.net.client_ip).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Content Security Policy (django-csp): no inline script or style anywhere on the public site.
# The Wagtail admin sets its own rules and is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# Rate limits (home.ratelimit). A number is per minute; a pair is (requests, seconds). Counted
# where every worker sees the count: in Redis when REDIS_URL is set, else in the database
# (home.RateCounter); see home/ratelimit.py for what happens when that store is down.
RATE_LIMITS = {
    "search": 30,
    "quiz_submit": 10,
    # Wrong current passwords on the password-change form, per account.
    "password_change": (5, 15 * 60),
    # Password-reset requests, per address and per e-mail address typed.
    "password_reset_ip": (5, 60 * 60),
    "password_reset_email": (5, 60 * 60),
    # Activation-code attempts ("Kích hoạt tài khoản"), per address and per employee code typed.
    "activation_ip": (20, 60 * 60),
    "activation_code": (5, 60 * 60),
}

# Uploaded files are stored under server-made names (home.storage.ServerNamedStorage).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.forms.CheckedDocumentForm"
