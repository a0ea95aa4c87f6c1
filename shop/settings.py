"""Settings for the kēpos store.

One module for every environment: each deploy-time value comes from the
environment (see ``.env.example`` for the full list, with defaults).
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.urls import reverse_lazy
from oscar.defaults import *  # noqa: F403  (Oscar's OSCAR_* defaults, overridden below)

from shop import secret_key
from shop.core.content_policy import base_directives
from shop.dashboard.navigation import with_our_screens
from shop.order import status as order_status

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"  # git-ignored local state: SQLite files, media, collected static
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()
if (BASE_DIR / ".env").exists():
    env.read_env(BASE_DIR / ".env")

# --- Core -------------------------------------------------------------------

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# With DEBUG off the process refuses to start without a strong key (50+ random
# characters); local runs and tests read this checkout's own var/secret_key.
SECRET_KEY = secret_key.load(
    env("DJANGO_SECRET_KEY", default=""),
    env("DJANGO_SECRET_KEY_FILE", default=""),
    debug=DEBUG,
)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_ID = 1
# Written to the Site row by a data migration (absolute links in e-mails, feeds).
SITE_DOMAIN = env("DJANGO_SITE_DOMAIN", default="127.0.0.1:8000")
SITE_NAME = "kēpos"

ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"  # Oscar's apps pin AutoField themselves

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "django.forms",  # widget templates, overridable from templates/ (FORM_RENDERER)
    "django.contrib.postgres",  # search lookups and functions; inert on SQLite
    "shop.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "shop.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "shop.shipping.apps.ShippingConfig",
    "shop.catalogue.apps.CatalogueConfig",
    "shop.catalogue.reviews.apps.CatalogueReviewsConfig",
    "shop.communication.apps.CommunicationConfig",
    "shop.partner.apps.PartnerConfig",
    "shop.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "shop.offer.apps.OfferConfig",
    "shop.order.apps.OrderConfig",
    "shop.customer.apps.CustomerConfig",
    "shop.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "shop.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "shop.dashboard.orders.apps.OrdersDashboardConfig",
    "shop.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "shop.dashboard.offers.apps.OffersDashboardConfig",
    "shop.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "shop.dashboard.shipping.apps.ShippingDashboardConfig",
    "shop.chat.dashboard.apps.ChatDashboardConfig",
    "shop.subscriptions.dashboard.apps.SubscriptionsDashboardConfig",
    "shop.legal.dashboard.apps.LegalDashboardConfig",
    "shop.privacy.dashboard.apps.PrivacyDashboardConfig",
    "shop.claims.dashboard.apps.ClaimsDashboardConfig",
    # Third-party apps Oscar depends on
    "widget_tweaks",
    "treebeard",
    "django_tables2",
    "sorl.thumbnail",
    "django_prose_editor",
    "django_htmx",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Our own apps
    "shop.core",
    "shop.twofactor",
    "shop.audit",
    "shop.storefront",
    "shop.workdays",
    "shop.outbox",
    "shop.gateways",
    "shop.payments",
    "shop.subscriptions",
    "shop.legal",
    "shop.labelling",
    "shop.claims",
    "shop.landing",
    "shop.newsletter",
    "shop.privacy",
    "shop.demo",
    "shop.seo",
    "shop.chat",
    "shop.faq",
    "blog",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.gzip.GZipMiddleware",  # pages; padded against BREACH (Django 4.2+)
    # Content-Security-Policy and Permissions-Policy (per-page additions inside).
    "shop.core.content_policy.ContentPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "shop.core.middleware.BadInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Anonymous storefront pages from the shared cache (see its docstring).
    "shop.storefront.page_cache.PageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff two-factor sign-in: django-otp marks a verified session, ours requires one.
    "django_otp.middleware.OTPMiddleware",
    "shop.twofactor.middleware.StaffTwoFactorMiddleware",
    # Names the staff member behind each recorded change (shop/audit).
    "shop.audit.middleware.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Answers a refused sign-in (shop/customer/throttle.py).
    "axes.middleware.AxesMiddleware",
    # Last, so it wraps only the view: see its docstring.
    "shop.core.middleware.AtomicWritesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "shop.storefront.context_processors.storefront",
                "shop.legal.context_processors.legal",
                "shop.seo.context_processors.seo",
            ],
        },
    },
]

# Widgets render through TEMPLATES, so templates/ may override Oscar's widget
# templates (e.g. the image input, without inline event handlers).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

AUTHENTICATION_BACKENDS = [
    # First: refuses sign-ins from locked accounts and addresses before any password check.
    "shop.customer.throttle.SignInThrottleBackend",
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"

# Every dashboard and admin view needs a session verified with an authenticator
# code or a recovery code (shop/twofactor) whenever DEBUG is off; not switchable.
SHOP_STAFF_TWO_FACTOR = not DEBUG
OTP_TOTP_ISSUER = "kēpos back office"

# Sign-in throttling (shop/customer/throttle.py): failures are database rows, shared
# by every server; an account from one address locks after 5, an address after 20
# (whatever accounts), an account alone is only slowed. Locks lift after the cool-off.
AXES_HANDLER = "shop.customer.throttle.SignInHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = 100  # per cent of each rule's own limit (see SignInHandler)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("SHOP_SIGNIN_LOCK_MINUTES", default=15))
AXES_RESET_ON_SUCCESS = True
# A refused attempt is answered as refused and not counted (it checked no password).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_CALLABLE = "shop.customer.throttle.username"
AXES_CLIENT_IP_CALLABLE = "shop.core.ratelimit.client_address"
AXES_LOCKOUT_CALLABLE = "shop.customer.throttle.locked_out"
AXES_VERBOSE = False

# --- Database ---------------------------------------------------------------

# An unset or empty DATABASE_URL means the embedded SQLite file.
DATABASES = {
    "default": env.db_url_config(
        env("DATABASE_URL", default="") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
    ),
}
_db = DATABASES["default"]
if _db["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes; IMMEDIATE takes the write
    # lock at BEGIN so a transaction waits (busy timeout) instead of failing
    # "database is locked" when it upgrades from read to write. With that,
    # every atomic() serialises on the lock, so GETs must not run in a
    # request-wide transaction: AtomicWritesMiddleware wraps only writes.
    _db["ATOMIC_REQUESTS"] = False
    _db["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env.int("DJANGO_SQLITE_TIMEOUT", default=20),
    }
    # A file, not Django's shared in-memory database, so tests see the same
    # locking (WAL, busy timeout) as a real run.
    _db["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
elif _db["ENGINE"] == "django.db.backends.postgresql":
    _db["ATOMIC_REQUESTS"] = True
# A connection per worker, not per request: opening one costs more than a cached page.
_db["CONN_MAX_AGE"], _db["CONN_HEALTH_CHECKS"] = env.int("DJANGO_CONN_MAX_AGE", default=60), True

# --- Cache and sessions -----------------------------------------------------

REDIS_URL = env("REDIS_URL", default="")
# Sessions, rate limits and cached pages must be one store for every process
# (gunicorn workers, servers): Redis with REDIS_URL, else the database's cache
# table. Local memory is per process, so only for a single one: `make run`
# (runserver) sets DJANGO_CACHE=locmem, and the tests use it too.
CACHE_KIND = env("DJANGO_CACHE", default="redis" if REDIS_URL else "database")
if CACHE_KIND == "redis":
    CACHES = {
        "default": {
            # Degrades to "no cache" (logged) when Redis is unreachable.
            "BACKEND": "shop.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("DJANGO_CACHE_PREFIX", default="kepos"),
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
elif CACHE_KIND == "locmem":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # Created by `migrate` (shop.core's post_migrate runs createcachetable).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "shop_cache",
            "TIMEOUT": 300,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# After a Redis failure, this process makes no Redis call for this long (circuit
# breaker, shop/core/cache.py): a hung Redis costs one timeout, not one per call.
SHOP_CACHE_RETRY_SECONDS = env.int("SHOP_CACHE_RETRY_SECONDS", default=30)
# How long an anonymous visitor's page may be served from the cache; 0: never.
SHOP_PAGE_CACHE_SECONDS = env.int("SHOP_PAGE_CACHE_SECONDS", default=60)

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English")]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
# Oscar's messages in British English: Delivery, Postcode, County (shop/core/uk_wording.py).
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media files -------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
THUMBNAIL_PRESERVE_FORMAT = True

# --- E-mail -----------------------------------------------------------------

vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
# Seconds a mail server may take to answer before the attempt fails (no request
# waits on it: see shop.outbox.services).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="kēpos <hello@kepos.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The outbox tries each new e-mail once its transaction commits; `send_outbox`
# (run every minute) retries until this many attempts, then gives up loudly.
SHOP_OUTBOX_SEND_ON_COMMIT = env.bool("SHOP_OUTBOX_SEND_ON_COMMIT", default=True)
SHOP_OUTBOX_MAX_ATTEMPTS = env.int("SHOP_OUTBOX_MAX_ATTEMPTS", default=8)
# After a failed send, e-mail waits for `send_outbox` this long instead of being
# tried again straight after each commit (a circuit breaker for a dead server).
SHOP_OUTBOX_REST_SECONDS = env.int("SHOP_OUTBOX_REST_SECONDS", default=300)

# --- HTTPS (on by default in production) -----------------------------------

# One switch: with DEBUG off the store redirects to HTTPS, marks every cookie
# Secure and sends HSTS for a year. Loopback runs (the Makefile's serve and
# bench, the tests) set DJANGO_HTTPS=false.
SHOP_HTTPS = env.bool("DJANGO_HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = SHOP_HTTPS
# A load balancer's health checks speak plain HTTP to the server itself.
SECURE_REDIRECT_EXEMPT = [r"^health/"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SHOP_HTTPS
OSCAR_BASKET_COOKIE_SECURE = OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = SHOP_HTTPS
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000 if SHOP_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
# Opt-in, once every subdomain serves HTTPS: preloading is hard to undo.
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
# security.W021 asks for preload; it stays the owner's decision (above).
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
if env.bool("DJANGO_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies of ours stand in front of the app (a TLS load balancer: 1). Rate
# limits take the visitor's address from X-Forwarded-For, counted from the right;
# 0 uses the connection's address (a request straight to gunicorn).
SHOP_TRUSTED_PROXY_COUNT = env.int("SHOP_TRUSTED_PROXY_COUNT", default=0)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Only our own origin (plus the media host and, on the payment pages, the
# gateway's): shop/core/content_policy.py.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": base_directives(MEDIA_URL)}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# --- Logging ----------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # The simple backend of haystack warns on every start-up; it is unused.
        "haystack": {"level": "ERROR"},
    },
}

# --- Oscar ------------------------------------------------------------------

OSCAR_SHOP_NAME = "kēpos"
OSCAR_SHOP_TAGLINE = "gut health & living kefir"
OSCAR_HOMEPAGE = reverse_lazy("home")
OSCAR_DEFAULT_CURRENCY = "GBP"
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_PRODUCTS_PER_PAGE = 12
# Stock alerts go out from the scheduled `oscar_send_alerts` command, never
# from inside a stock-record save (a slow mail server must not slow staff down).
OSCAR_EAGER_ALERTS = False
# UK prices are VAT-inclusive, so offers work on the price the shopper sees.
OSCAR_OFFERS_INCL_TAX = True
# Guests check out with an e-mail address; customers with an account may too.
OSCAR_ALLOW_ANON_CHECKOUT = True
# The order life cycle (shop/order/status.py): Pending payment -> Paid ->
# Packed -> Dispatched -> Delivered, plus Cancelled and Refunded.
OSCAR_INITIAL_ORDER_STATUS = order_status.PENDING_PAYMENT
OSCAR_INITIAL_LINE_STATUS = order_status.PENDING_PAYMENT
OSCAR_ORDER_STATUS_PIPELINE = order_status.PIPELINE
OSCAR_LINE_STATUS_PIPELINE = order_status.PIPELINE
OSCAR_ORDER_STATUS_CASCADE = order_status.CASCADE
# Reviews: signed-in customers only, and nothing shows before a moderator approves.
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = True
# Our screens beside Oscar's, and the live-chat inbox (shop/dashboard/navigation.py).
OSCAR_DASHBOARD_NAVIGATION = with_our_screens(OSCAR_DASHBOARD_NAVIGATION)
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "last_name", "line1", "line4", "postcode", "country")

# Unused (search is shop.search's queries), but Oscar's search views import haystack,
# which will not load without it.
HAYSTACK_CONNECTIONS = {
    "default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"},
}

# --- Payments -----------------------------------------------------------------

# Stripe keys (dashboard > Developers): with a secret key set, Stripe takes the
# payments; without, the test gateway does (offline, 4242 4242 4242 4242 pays).
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env("STRIPE_API_BASE", default="")  # only to point the SDK at a fake
STRIPE_TIMEOUT_SECONDS = env.float("STRIPE_TIMEOUT_SECONDS", default=10.0)
# The gateway that takes payment (shop/gateways); the Stripe keys choose it.
_GATEWAY = "stripe_gateway.StripeGateway" if STRIPE_SECRET_KEY else "testing.TestGateway"
SHOP_PAYMENT_GATEWAY = env("SHOP_PAYMENT_GATEWAY", default=f"shop.gateways.{_GATEWAY}")
# Orders still unpaid after this long are cancelled (their intent first) and
# their stock released by `manage.py cancel_stale_orders`.
SHOP_UNPAID_ORDER_TIMEOUT_MINUTES = env.int("SHOP_UNPAID_ORDER_TIMEOUT_MINUTES", default=60)
# Parcel weight per item for the courier CSV, until products carry their own.
SHOP_DEFAULT_ITEM_WEIGHT_KG = env.float("SHOP_DEFAULT_ITEM_WEIGHT_KG", default=0.6)

# --- Privacy (UK GDPR) -------------------------------------------------------

# `manage.py purge_personal_data` (daily), in small batches: expired sessions, baskets
# untouched this long (never one an order came from), outbox e-mail sent / given up
# this long ago, and chats (SHOP_CHAT_RETENTION_DAYS, via the chat app's purge).
SHOP_BASKET_RETENTION_DAYS = env.int("SHOP_BASKET_RETENTION_DAYS", default=90)
SHOP_OUTBOX_RETENTION_DAYS = env.int("SHOP_OUTBOX_RETENTION_DAYS", default=30)
SHOP_OUTBOX_FAILED_RETENTION_DAYS = env.int("SHOP_OUTBOX_FAILED_RETENTION_DAYS", default=90)
# Key of the hash that recognises a repeat privacy request without keeping the e-mail;
# empty: SECRET_KEY (set it before rotating SECRET_KEY, or earlier requests stop matching).
SHOP_PRIVACY_HASH_KEY = env("SHOP_PRIVACY_HASH_KEY", default="")

# --- Marketing consent ------------------------------------------------------

# Abandoned-basket reminders (`manage.py send_basket_reminders`): hours after a signed-in
# customer's last basket change before the one reminder, sent only to confirmed subscribers.
SHOP_BASKET_REMINDER_HOURS = env.int("SHOP_BASKET_REMINDER_HOURS", default=3)

# --- Live chat --------------------------------------------------------------

# Conversations may hold health details (UK GDPR): `manage.py purge_chats`
# deletes those quiet for longer than this.
SHOP_CHAT_RETENTION_DAYS = env.int("SHOP_CHAT_RETENTION_DAYS", default=90)
# After this long without a staff reply, the widget tells the visitor when to
# expect an answer.
SHOP_CHAT_REPLY_NOTICE_SECONDS = env.int("SHOP_CHAT_REPLY_NOTICE_SECONDS", default=120)
