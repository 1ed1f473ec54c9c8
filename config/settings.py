"""Settings for gongkai, read from the environment.

Out of the box everything is embedded: SQLite in ``var/``, uploads on local disk, the
huey queue in SQLite. ``DATABASE_URL`` and ``REDIS_URL`` move the platform onto
PostgreSQL and Redis without code changes.
"""
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("GONGKAI_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, "").strip() or default)


# One switch for an installation on the internet: it turns on every HTTPS protection
# below, refuses to start without a real secret key and host names, and refuses to load
# the demo users. Each protection can still be set on its own.
PRODUCTION = env_bool("GONGKAI_PRODUCTION", False)
if PRODUCTION:
    from django.core.exceptions import ImproperlyConfigured

    for _required in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"):
        if not os.environ.get(_required, "").strip():
            raise ImproperlyConfigured(f"GONGKAI_PRODUCTION=1 needs {_required}")

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    # A per-installation key kept beside the database, so sessions survive restarts
    # without anyone having to invent one.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        import secrets

        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    SECRET_KEY = key_file.read_text().strip()

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],0.0.0.0")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "huey.contrib.djhuey",
    "gongkai.core",
    "gongkai.orgs",
    "gongkai.workdays",
    "gongkai.plans",
    "gongkai.foi",
    "gongkai.publishing",
    "gongkai.policies",
    "gongkai.participation",
    "gongkai.qa",
    "gongkai.websites",
    "gongkai.reports",
    "gongkai.lexicon",
    "gongkai.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML is compressed here (static files come pre-compressed from WhiteNoise). BREACH:
    # Django masks the CSRF token anew in every response and this middleware pads each
    # compressed body with a random number of bytes, so a secret cannot be read off sizes.
    "django.middleware.gzip.GZipMiddleware",
    # Anonymous public pages from the cache, before sessions, users and the CSRF check
    # run (gongkai/portal/pagecache.py); after the HTTPS redirect and static files.
    "gongkai.portal.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Below GZip: pages in 繁體 are converted before they are compressed.
    "gongkai.core.hant.TraditionalContentMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "gongkai.core.security.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "config.urls"
# Chinese page inside the site's layout instead of Django's English one.
CSRF_FAILURE_VIEW = "gongkai.core.error_views.csrf_failure"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "gongkai" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.core.context_processors.navigation",
                "gongkai.portal.context_processors.site",
                "gongkai.core.i18n.language",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'gongkai.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # WAL lets the web process read while the huey consumer writes.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
    # Tests run on a file too, not the shared in-memory database: concurrency tests
    # (rate limits, lost updates) need SQLite's real locking, as in production. One
    # file per test process, so two test runs in one checkout do not collide.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "orgs.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "portal:workbench"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("zh-hant", "繁體中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "gongkai" / "locale"]
# The switcher's choice (gongkai.core.i18n) is remembered for a year; without it the
# browser's Accept-Language decides (zh-TW, zh-HK → 繁體, en-* → English).
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = os.environ.get("GONGKAI_TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "gongkai" / "static",
    # Not ECharts' full 1 MB dist: the build with only the charts drawn (make static).
    ("vendor/echarts", BASE_DIR / "build" / "echarts"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    # axe-core: the accessibility checker the browser tests run on every public page.
    ("vendor/axe-core", BASE_DIR / "node_modules" / "axe-core"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (app.3f2a….css), so WhiteNoise can let browsers and proxies keep
    # them for a year; a new release has new names.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60  # files without a hash in their name (favicon …)
# Several web nodes share their files through an S3-compatible object store (MinIO,
# Ceph, a cloud's): every upload, letter and snapshot goes through Django's storage API,
# and downloads are still streamed through the permission-checked views, never linked.
GONGKAI_S3_BUCKET = os.environ.get("GONGKAI_S3_BUCKET", "")
if GONGKAI_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": GONGKAI_S3_BUCKET,
            "endpoint_url": os.environ.get("GONGKAI_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("GONGKAI_S3_REGION") or None,
            "access_key": os.environ.get("GONGKAI_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("GONGKAI_S3_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("GONGKAI_S3_PREFIX", ""),
            "file_overwrite": False,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 60,  # should a URL ever be made, it lasts a minute
        },
    }
MEDIA_ROOT = Path(os.environ.get("GONGKAI_MEDIA_ROOT", VAR_DIR / "media"))
# Uploaded files are never served directly: views check permissions and stream them.
MEDIA_URL = "/media-not-served/"

# Upload limits, in bytes. Evidence files are checked by content, not by name.
GONGKAI_MAX_UPLOAD_BYTES = int(os.environ.get("GONGKAI_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
GONGKAI_MAX_IMPORT_BYTES = int(os.environ.get("GONGKAI_MAX_IMPORT_BYTES", 10 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
# HTTPS, normally terminated by the reverse proxy, which says so in X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer asks over plain HTTP
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", PRODUCTION)
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", PRODUCTION):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Mail: a server when EMAIL_HOST is set, otherwise files in var/mail/ to read by hand.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST
    else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "gongkai@localhost"))
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work. SQLite storage by default; Redis when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
HUEY_IMMEDIATE = env_bool("HUEY_IMMEDIATE", False)
# Periodic jobs (nightly link re-check, reminders) run on one node only: the others set
# GONGKAI_RUN_PERIODIC=0 and their consumers only work the queue. Their crontabs are read
# in the platform's time zone (utc=False; Django sets the process's TZ to TIME_ZONE).
GONGKAI_RUN_PERIODIC = env_bool("GONGKAI_RUN_PERIODIC", True)
HUEY = {
    "name": "gongkai",
    "immediate": HUEY_IMMEDIATE,
    "utc": False,
    "consumer": {"periodic": GONGKAI_RUN_PERIODIC, "workers": env_int("GONGKAI_HUEY_WORKERS", 2)},
}
if REDIS_URL:
    HUEY.update({"huey_class": "huey.RedisHuey", "url": REDIS_URL})
else:
    HUEY.update({"huey_class": "huey.SqliteHuey", "filename": str(VAR_DIR / "huey.sqlite3")})

# /healthz fails when the disk holding the files has less free space than this.
GONGKAI_HEALTH_MIN_FREE_BYTES = env_int("GONGKAI_HEALTH_MIN_FREE_BYTES", 512 * 1024 * 1024)

# Online verification of evidence links (网上核查).
GONGKAI_LINKCHECK_TIMEOUT = float(os.environ.get("GONGKAI_LINKCHECK_TIMEOUT", "10"))
GONGKAI_LINKCHECK_MAX_BYTES = int(os.environ.get("GONGKAI_LINKCHECK_MAX_BYTES", 2 * 1024 * 1024))

# One JSON object per line on stderr, stamped in Beijing time (the journal or the log
# shipper keeps them); GONGKAI_LOG_FORMAT=text for a terminal.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "gongkai.core.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler",
                             "formatter": os.environ.get("GONGKAI_LOG_FORMAT", "json")}},
    "root": {"handlers": ["console"], "level": os.environ.get("GONGKAI_LOG_LEVEL", "INFO")},
}

# Disclosure applications: remind the handling staff this many working days before the
# due date (0 = on the day).
GONGKAI_FOI_REMIND_DAYS = tuple(
    int(x) for x in env_list("GONGKAI_FOI_REMIND_DAYS", "5,2,0") if x.lstrip("-").isdigit()
)

# Leader messages: the unit's reply time limit in working days from assignment, and the
# reminders before the due date.
GONGKAI_MESSAGE_REPLY_DAYS = int(os.environ.get("GONGKAI_MESSAGE_REPLY_DAYS", "10"))
GONGKAI_MESSAGE_REMIND_DAYS = tuple(
    int(x) for x in env_list("GONGKAI_MESSAGE_REMIND_DAYS", "3,1,0") if x.lstrip("-").isdigit()
)

# Quarterly progress reports: remind units with reports unsent this many working days
# before the period's deadline.
GONGKAI_PLAN_REMIND_DAYS = tuple(
    int(x) for x in env_list("GONGKAI_PLAN_REMIND_DAYS", "5,1,0") if x.lstrip("-").isdigit()
)
# The platform's own address, for absolute links in mail (the daily digest).
GONGKAI_SITE_URL = os.environ.get("GONGKAI_SITE_URL", "")

# The cache holds rate-limit counters and similar short-lived state, so it must be shared
# by every web process: a file cache on one machine, Redis when there are several.
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                          "LOCATION": str(VAR_DIR / "cache")}}
# Whole public pages for anonymous visitors are kept in each process's memory; the
# generation counter that makes them stale lives in the shared cache above.
CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                   "LOCATION": "gongkai-pages", "OPTIONS": {"MAX_ENTRIES": 500}}

# The one door for outbound fetches (gongkai.core.outbound): which hosts may be fetched
# (empty = any public host; otherwise host-name suffixes such as "gov.cn"), whether the
# office's own intranet (private addresses) may be fetched, and which ports.
GONGKAI_OUTBOUND_ALLOW_HOSTS = env_list("GONGKAI_OUTBOUND_ALLOW_HOSTS", "")
GONGKAI_OUTBOUND_ALLOW_PRIVATE = env_bool("GONGKAI_OUTBOUND_ALLOW_PRIVATE", False)
GONGKAI_OUTBOUND_PORTS = tuple(
    int(x) for x in env_list("GONGKAI_OUTBOUND_PORTS", "80,443") if x.isdigit()
)
GONGKAI_OUTBOUND_MAX_REDIRECTS = int(os.environ.get("GONGKAI_OUTBOUND_MAX_REDIRECTS", "5"))
# Website checks (gongkai.websites): the district's own domains (empty: every host the
# register names), and the office's explicit switch to check sites on its intranet.
GONGKAI_WEBSITES_DOMAINS = env_list("GONGKAI_WEBSITES_DOMAINS", "")
GONGKAI_WEBSITES_ALLOW_INTRANET = env_bool("GONGKAI_WEBSITES_ALLOW_INTRANET", False)

# Text extraction from uploaded documents (gongkai.core.extract), done in a background
# job: the most a zip's members may expand to, and the time one file may take.
GONGKAI_MAX_UNZIPPED_BYTES = int(os.environ.get("GONGKAI_MAX_UNZIPPED_BYTES", 100 * 1024 * 1024))
GONGKAI_EXTRACT_MAX_UNZIPPED_BYTES = int(
    os.environ.get("GONGKAI_EXTRACT_MAX_UNZIPPED_BYTES", 50 * 1024 * 1024))
GONGKAI_EXTRACT_MAX_SECONDS = float(os.environ.get("GONGKAI_EXTRACT_MAX_SECONDS", "20"))

# Reverse proxies whose X-Forwarded-For / X-Real-IP is believed (addresses or CIDRs,
# e.g. "127.0.0.1,::1,10.0.0.0/8"); empty = the socket address is the client.
GONGKAI_TRUSTED_PROXIES = env_list("GONGKAI_TRUSTED_PROXIES", "")
# Sign-in throttling: failures allowed per account and per address within the window.
GONGKAI_LOGIN_ACCOUNT_FAILURES = int(os.environ.get("GONGKAI_LOGIN_ACCOUNT_FAILURES", "5"))
GONGKAI_LOGIN_ADDRESS_FAILURES = int(os.environ.get("GONGKAI_LOGIN_ADDRESS_FAILURES", "20"))
GONGKAI_LOGIN_WINDOW_SECONDS = int(os.environ.get("GONGKAI_LOGIN_WINDOW_SECONDS", "900"))

# The government-site footer (网站标识码, ICP备案, 公安备案, 主办单位, contact). Empty
# fields are left out of the footer, so a fresh installation shows none of them.
GONGKAI_SITE = {
    "name": os.environ.get("GONGKAI_SITE_NAME", "黄埔区政务公开"),
    "sponsor": os.environ.get("GONGKAI_SITE_SPONSOR", ""),  # 主办单位
    "organizer": os.environ.get("GONGKAI_SITE_ORGANIZER", ""),  # 承办单位
    "site_code": os.environ.get("GONGKAI_SITE_CODE", ""),  # 网站标识码
    "icp": os.environ.get("GONGKAI_SITE_ICP", ""),  # ICP备案号, e.g. 粤ICP备…号
    "psb": os.environ.get("GONGKAI_SITE_PSB", ""),  # 公安机关备案号, e.g. 粤公网安备…号
    "psb_code": os.environ.get("GONGKAI_SITE_PSB_CODE", ""),  # its digits, for the link
    "phone": os.environ.get("GONGKAI_SITE_PHONE", ""),
    "email": os.environ.get("GONGKAI_SITE_EMAIL", ""),
    "address": os.environ.get("GONGKAI_SITE_ADDRESS", ""),
}

# Anonymous public pages are cached whole (gongkai.portal.pagecache) for this many
# seconds; publishing anything public starts a new cache generation at once.
GONGKAI_PAGE_CACHE_SECONDS = int(os.environ.get("GONGKAI_PAGE_CACHE_SECONDS", "300"))
# A library search's result page is kept for less (queries are many, each asked rarely;
# at most GONGKAI_PAGE_CACHE_SECONDS).
GONGKAI_SEARCH_CACHE_SECONDS = int(os.environ.get("GONGKAI_SEARCH_CACHE_SECONDS", "60"))
