"""Whatever anyone types or puts in an address, the answer is a page, never a 500.

Every form on every public page (found by reading the pages, so a new form is
covered without editing this file) gets hostile values in every field: NUL
bytes, right-to-left overrides, 10,000 characters, impossible dates and
numbers, markup, and whatever hypothesis makes up. Every public URL gets the
same in its query parameters. Anything but a 5xx passes; the regressions that
were 500s are pinned one by one below.
"""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from oscar.core.loading import get_model

from shop.order import status as order_status
from tests import factories
from tests.security import world as hostile_world
from tests.security.routes import every_route

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

NASTY = [
    "a\x00b",
    "\u202egnp.exe",
    "ē" * 10_000,
    "<script>x()</script>",
    "-1",
    "99999999999999999999999",
    "1e309",
    "١٢٣",
    "2026-02-31",
    "",
]
DASHBOARD_GARBAGE = ["", "abc", "-1", "99999999999999999999999", "2026-02-31", "ē" * 300]
QUERY_NAMES = ["q", "page", "sort_by", "group", "date", "next", "number", "email", "postcode"]
SKIP_ACTIONS = {"/accounts/logout/"}  # would end the walk's session; covered elsewhere
text = st.one_of(
    st.sampled_from(NASTY),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
)


class _Forms(HTMLParser):
    """Each form's method, action and field names, from a page's HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "method": (attrs.get("method") or "get").lower(),
                    "action": attrs.get("action") or "",
                    "fields": set(),
                }
            )
        elif tag in ("input", "select", "textarea", "button") and self.forms:
            name = attrs.get("name")
            if name and name != "csrfmiddlewaretoken":
                self.forms[-1]["fields"].add(name)


def storefront_action(action: str) -> bool:
    return not action.startswith(("/dashboard/", "/admin/")) and action not in SKIP_ACTIONS


def dashboard_action(action: str) -> bool:
    """Dashboard forms, but not those that delete (they would empty the world mid-walk)."""
    return action.startswith("/dashboard/") and "delete" not in action and "logout" not in action


def forms_on(client: Client, routes, keep=storefront_action) -> list[tuple[str, str, tuple]]:
    """(method, action path, field names) of every form on the given pages, deduplicated."""
    found = set()
    for route in routes:
        response = client.get(route.url)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        parser = _Forms()
        parser.feed(response.content.decode(errors="replace"))
        for form in parser.forms:
            action = urlsplit(urljoin(route.url, form["action"])).path
            if not keep(action):
                continue
            found.add((form["method"], action, tuple(sorted(form["fields"]))))
    return sorted(found)


def public(routes):
    return [r for r in routes if not r.name.startswith(("dashboard:", "admin:"))]


@pytest.fixture
def clients():
    """A visitor, and the world's Manager shopping (an order, addresses, wish lists)."""
    world = hostile_world.build()
    visitor = Client(raise_request_exception=False)
    shopper = Client(raise_request_exception=False)
    factories.sign_in(shopper, world.manager)
    return {"world": world, "visitor": visitor, "shopper": shopper}


@pytest.fixture
def site(clients):
    routes = public(every_route(clients["world"]))
    forms = {who: forms_on(clients[who], routes) for who in ("visitor", "shopper")}
    return {**clients, "routes": routes, "forms": forms}


def submit(client: Client, method: str, action: str, values: dict):
    if method == "post":
        return client.post(action, values)
    return client.get(action, values)


def test_every_public_form_survives_each_nasty_value(site):
    assert len(site["forms"]["visitor"]) > 10 and len(site["forms"]["shopper"]) > 15
    failures = []
    for who in ("visitor", "shopper"):
        client = site[who]
        for method, action, fields in site["forms"][who]:
            for value in NASTY:
                response = submit(client, method, action, dict.fromkeys(fields, value))
                if response.status_code >= 500:
                    failures.append(f"{who} {method.upper()} {action} {value[:20]!r}")
            if who == "shopper" and "_auth_user_id" not in client.session:
                factories.sign_in(client, site["world"].manager)
    assert not failures, "\n".join(failures)


@settings(
    max_examples=60,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # each request is reported as is
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_public_form_or_query_survives_made_up_input(site, data):
    """Each example: one form as one kind of visitor, and one page with a made-up query."""
    who = data.draw(st.sampled_from(["visitor", "shopper"]))
    method, action, fields = data.draw(st.sampled_from(site["forms"][who]))
    values = {field: data.draw(text) for field in fields}
    response = submit(site[who], method, action, values)
    if who == "shopper" and "_auth_user_id" not in site[who].session:
        factories.sign_in(site[who], site["world"].manager)
    assert response.status_code < 500, f"{who} {method.upper()} {action} {values!r:.500}"

    route = data.draw(st.sampled_from(site["routes"]))
    query = {name: data.draw(text) for name in data.draw(st.lists(st.sampled_from(QUERY_NAMES)))}
    assert site["visitor"].get(route.url, query).status_code < 500, f"GET {route.url} {query!r}"


def test_every_dashboard_form_survives_garbage(clients):
    """Staff make typos too: every dashboard form, every field, answers with errors."""
    manager = clients["shopper"]  # the world's Manager
    routes = [r for r in every_route(clients["world"]) if r.name.startswith("dashboard:")]
    forms = forms_on(manager, routes, keep=dashboard_action)
    assert len(forms) > 30
    failures = []
    for method, action, fields in forms:
        for value in DASHBOARD_GARBAGE:
            response = submit(manager, method, action, dict.fromkeys(fields, value))
            if response.status_code >= 500:
                failures.append(f"{method.upper()} {action} {value[:20]!r}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("visitor", "/order-status/%00/"),
        ("shopper", "/accounts/orders/%00/"),
        ("manager", "/dashboard/orders/%00/"),
        ("manager", "/dashboard/catalogue/stock/?q=%00"),
        ("manager", "/dashboard/orders/dispatch/courier.csv?date=2026-02-31"),
    ],
)
def test_unusable_addresses_get_a_400_that_says_why(clients, who, url):
    client = clients["visitor"] if who == "visitor" else clients["shopper"]

    response = client.get(url)

    assert response.status_code == 400
    assert b"cannot be used" in response.content or b"is not a date" in response.content


@pytest.mark.parametrize("page", ["order-dispatch-list", "order-packing-slips"])
def test_an_impossible_dispatch_date_shows_today_and_says_so(clients, page):
    from django.urls import reverse

    response = clients["shopper"].get(
        reverse(f"dashboard:{page}"), {"date": "2026-02-31"}, follow=True
    )

    assert response.status_code == 200
    assert "“2026-02-31” is not a date" in response.content.decode()


@pytest.mark.parametrize(
    "review",
    [
        {"score": "abc", "title": "Lovely", "body": "Tastes good."},
        {"score": "3", "title": "", "body": "Tastes good."},
        {"score": "", "title": "Lovely", "body": ""},
    ],
)
def test_an_invalid_review_comes_back_with_its_errors_and_text(clients, review):
    world = clients["world"]
    # Only a customer whose order has arrived may review: the Manager's order arrives.
    Order.objects.filter(user=world.manager).update(status=order_status.DELIVERED)
    url = world.product.get_absolute_url() + "reviews/add/"

    response = clients["shopper"].post(url, review)

    assert response.status_code == 200
    html = response.content.decode()
    assert "error-block" in html
    if review["body"]:
        assert review["body"] in html  # nothing typed is lost
