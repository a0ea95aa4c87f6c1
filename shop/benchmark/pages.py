"""What the benchmark asks for, and the share of the bare view's throughput each must
reach (issue 21): every anonymous storefront page a quarter, searches and the basket a
tenth, a signed-in customer's pages a tenth. Staff's order list and order search have no
share of their own: at scale they must keep half of what they reach on the demo data.

The pages are the demo data's own (never a bench row), so a run on the demo data and one
on a store topped up by ``generate_bench_data`` ask for the same pages."""

import http.cookiejar
import re
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.test import Client
from oscar.core.loading import get_model

from blog.models import Article

STOREFRONT, SEARCH, BASKET, SIGNED_IN = 0.25, 0.10, 0.10, 0.10
STAFF = 0.0  # compared across sizes only (bench --compare)
BENCH_ROWS = "bench-"  # codes and slugs of generate_bench_data's rows
DEMO_CUSTOMER = "customer@kepos.example"
ORDER_STAFF = "orders@kepos.example"


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    target: float
    headers: tuple[str, ...] = ()
    lua: str = ""  # a wrk script, for a POST
    expect: tuple[int, ...] = field(default=(200,))


def anonymous_pages() -> list[Page]:
    Product = get_model("catalogue", "Product")
    Category = get_model("catalogue", "Category")
    products = Product.objects.browsable().exclude(code__startswith=BENCH_ROWS).order_by("pk")
    product = products.filter(structure=Product.PARENT).first()
    category = Category.objects.filter(depth=1).order_by("path").first()
    article = Article.objects.published().exclude(slug__startswith=BENCH_ROWS).first()
    if not (product and category and article):
        raise LookupError("No demo data: run `make demo` (or manage.py load_demo_data) first.")
    pages = [
        Page("home", "/", STOREFRONT),
        Page("all products", "/catalogue/", STOREFRONT),
        Page("category", category.get_absolute_url(), STOREFRONT),
        Page("product", product.get_absolute_url(), STOREFRONT),
        Page("blog", "/blog/", STOREFRONT),
        Page("article", article.get_absolute_url(), STOREFRONT),
        Page("faq", "/faq/", STOREFRONT),
        Page("delivery", "/delivery/", STOREFRONT),
        Page("chat", "/chat/", STOREFRONT),
        Page("sitemap, products", "/sitemap-products.xml", STOREFRONT),
        Page("basket", "/basket/", BASKET),
    ]
    for query in ("lactoferrin", "how long does kefir last", "free delivery", "keffir"):
        pages.append(
            Page(f"search “{query}”", "/search/?q=" + urllib.parse.quote_plus(query), SEARCH)
        )
    return pages


def add_to_basket(base_url: str) -> Page:
    """A shopper's "Add to basket", as the product page's form posts it: one session,
    its CSRF token, the same basket each time (Oscar answers with a redirect)."""
    Product = get_model("catalogue", "Product")
    products = Product.objects.browsable().exclude(code__startswith=BENCH_ROWS).order_by("pk")
    product = products.filter(structure=Product.STANDALONE).first()
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = browser.open(base_url + product.get_absolute_url()).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = f"quantity=1&csrfmiddlewaretoken={token}"
    browser.open(base_url + f"/basket/add/{product.pk}/", body.encode())  # the basket exists
    cookies = "; ".join(f"{c.name}={c.value}" for c in jar)
    lua = (
        'wrk.method = "POST"\n'
        f'wrk.body = "{body}"\n'
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
    )
    return Page(
        "add to basket", f"/basket/add/{product.pk}/", BASKET, (f"Cookie: {cookies}",), lua, (302,)
    )


def signed_in_pages() -> list[Page]:
    """The demo customer's account pages, with a session made for the benchmark."""
    customers = get_user_model().objects.filter(is_staff=False).order_by("pk")
    customer = customers.filter(email=DEMO_CUSTOMER).first() or customers.first()
    if customer is None:
        return []
    cookie = session_cookie(customer)
    return [
        Page("profile", "/accounts/profile/", SIGNED_IN, cookie),
        Page("order history", "/accounts/orders/", SIGNED_IN, cookie),
        Page("home, signed in", "/", SIGNED_IN, cookie),
    ]


def session_cookie(user) -> tuple[str]:
    """A signed-in session for ``user``, as after both factors of the staff sign-in."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return (f"Cookie: sessionid={client.cookies['sessionid'].value}",)


def staff_pages() -> list[Page]:
    """The order list and an order search by a customer's e-mail, as order staff (the demo
    account ``make demo`` creates)."""
    staff = get_user_model().objects.filter(email=ORDER_STAFF, is_staff=True).first()
    if staff is None:
        return []
    cookie = session_cookie(staff)
    search = "/dashboard/orders/?order_query=" + urllib.parse.quote_plus(DEMO_CUSTOMER)
    return [
        Page("dashboard orders", "/dashboard/orders/", STAFF, cookie),
        Page("dashboard order search", search, STAFF, cookie),
    ]


def mixed_script(pages: list[Page]) -> str:
    """A wrk script that asks for every GET page in turn, each with its own headers: the
    mixed load after which worker memory is measured (issue 21, item 5)."""

    def lua_string(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    entries = []
    for page in pages:
        if page.lua:
            continue  # a POST has its own script
        headers = ", ".join(
            f"[{lua_string(name)}] = {lua_string(value)}"
            for name, value in (header.split(": ", 1) for header in page.headers)
        )
        entries.append(f"  {{path = {lua_string(page.path)}, headers = {{{headers}}}}},")
    return "\n".join(
        [
            "local pages = {",
            *entries,
            "}",
            "local turn = 0",
            "request = function()",
            "  turn = turn % #pages + 1",
            "  return wrk.format('GET', pages[turn].path, pages[turn].headers)",
            "end",
            "",
        ]
    )
