"""generate_bench_data tops the demo store up to a campaign's size in bulk, only once, with
rows every page can show; bench --compare holds the large store to the demo-size run."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from oscar.core.loading import get_model

from blog.models import Article
from shop import roles
from shop.benchmark.pages import anonymous_pages, signed_in_pages, staff_pages
from shop.chat.models import Message
from shop.demo.bench_data import Sizes
from shop.demo.management.commands.bench import Command as Bench
from shop.faq.models import FAQEntry
from tests import factories

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
SCALE = 0.004  # 40 products, 8 articles, 2 answers, 80 customers, 200 orders, 200 messages


@pytest.fixture
def bench_store():
    with override_settings(DEBUG=True):  # the demo accounts: customer and order staff
        call_command("load_demo_data", verbosity=0)
    call_command("generate_bench_data", scale=SCALE, stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Sizes().scaled(SCALE)


def counts() -> dict:
    return {
        "products": Product.objects.count(),
        "articles": Article.objects.count(),
        "faq_entries": FAQEntry.objects.count(),
        "customers": get_user_model().objects.count(),
        "orders": Order.objects.count(),
        "chat_messages": Message.objects.count(),
    }


def test_the_store_reaches_each_size_and_a_second_run_adds_nothing(bench_store):
    reached = counts()
    assert all(reached[kind] >= getattr(bench_store, kind) for kind in reached)
    assert reached["products"] == bench_store.products  # more than the demo's own
    assert reached["orders"] == bench_store.orders

    call_command("generate_bench_data", scale=SCALE, stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert counts() == reached


def test_bench_rows_are_whole_orders_products_and_articles(bench_store):
    order = Order.objects.filter(number__startswith="9").first()
    assert order.lines.exists() and order.shipping_address.postcode
    assert order.total_incl_tax == sum(line.line_price_incl_tax for line in order.lines.all()) + (
        order.shipping_incl_tax
    )
    product = Product.objects.filter(code__startswith="bench-").first()
    assert product.stockrecords.get().price > 0 and product.categories.exists()
    article = Article.objects.filter(slug__startswith="bench-").first()
    assert article.sections.count() == 4 and article.references.count() == 3
    demo_customer = get_user_model().objects.get(email="customer@kepos.example")
    assert Order.objects.filter(user=demo_customer).count() >= 20


def test_every_benchmarked_page_answers_on_the_larger_store(bench_store):
    factories.staff_user(roles.ORDER_STAFF, email="orders-two@kepos.example")
    pages = anonymous_pages() + signed_in_pages() + staff_pages()
    assert {"dashboard orders", "order history", "sitemap, products"} <= {p.name for p in pages}
    assert not any("bench-" in page.path for page in pages)  # the demo's own pages
    for page in pages:
        client = Client()
        for header in page.headers:
            key, _, value = header.split(": ", 1)[1].partition("=")
            client.cookies[key] = value
        response = client.get(page.path)
        assert response.status_code == 200, page.name
    history = Client()
    factories.sign_in(history, get_user_model().objects.get(email="customer@kepos.example"))
    assert "9" in history.get(reverse("customer:order-list")).content.decode()


def test_generating_needs_the_demo_data_and_a_sensible_scale():
    with pytest.raises(CommandError, match="make demo"):
        call_command("generate_bench_data", scale=0.01)
    with pytest.raises(CommandError, match="scale"):
        call_command("generate_bench_data", scale=2)


def page(name="home", ratio=0.30, queries=5, target=0.25) -> dict:
    return {"name": name, "ratio": ratio, "queries": queries, "target": target, "ok": True}


@pytest.mark.parametrize(
    ("now", "ok"),
    [
        (page(ratio=0.21), True),  # within 1.5x of 0.30
        (page(ratio=0.19), False),  # lost more than a third
        (page(queries=6), False),  # one query more than on the demo data
        (page(name="search", ratio=0.16, target=0.10), True),  # searches keep half
        (page(name="search", ratio=0.14, target=0.10), False),
    ],
)
def test_a_page_is_held_to_its_demo_size_ratio_and_query_count(now, ok):
    earlier = {"database": "sqlite", "pages": [page(), page(name="search", target=0.10)]}
    report = {"database": "sqlite", "pages": [now]}

    Bench().compare(report, earlier)

    assert now["ok"] is ok
    with pytest.raises(CommandError, match="postgresql"):
        Bench().compare(report, {**earlier, "database": "postgresql"})
