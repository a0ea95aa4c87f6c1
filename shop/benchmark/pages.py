"""What the benchmark asks for, and the share of the bare view's throughput each must
reach (issue 21): every anonymous storefront page a quarter, searches and the basket a
tenth, a signed-in customer's pages a tenth."""

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
    product = Product.objects.browsable().filter(structure=Product.PARENT).first()
    category = Category.objects.filter(depth=1).order_by("path").first()
    article = Article.objects.published().first()
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
        Page("basket", "/basket/", BASKET),
    ]
    for query in ("lactoferrin", "how long does kefir last", "keffir"):
        pages.append(
            Page(f"search “{query}”", "/search/?q=" + urllib.parse.quote_plus(query), SEARCH)
        )
    return pages


def add_to_basket(base_url: str) -> Page:
    """A shopper's "Add to basket", as the product page's form posts it: one session,
    its CSRF token, the same basket each time (Oscar answers with a redirect)."""
    Product = get_model("catalogue", "Product")
    product = Product.objects.browsable().filter(structure=Product.STANDALONE).first()
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
    customer = get_user_model().objects.filter(is_staff=False, orders__isnull=False).first()
    customer = customer or get_user_model().objects.filter(is_staff=False).first()
    if customer is None:
        return []
    client = Client()
    client.force_login(customer)
    cookie = (f"Cookie: sessionid={client.cookies['sessionid'].value}",)
    return [
        Page("profile", "/accounts/profile/", SIGNED_IN, cookie),
        Page("order history", "/accounts/orders/", SIGNED_IN, cookie),
        Page("home, signed in", "/", SIGNED_IN, cookie),
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
