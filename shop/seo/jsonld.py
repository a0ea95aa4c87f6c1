"""JSON-LD for every page, in one place: Organization and WebSite (home page),
BreadcrumbList, Product with offers priced and shipped by the live rules,
BlogPosting with its citations, and FAQPage.

Every builder returns plain dicts; the ``ld_json`` template tag writes them
into the page, escaped like ``json_script``.
"""

from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from shop.core.text import plain_text
from shop.legal.trader import current_trader
from shop.shipping import quotes, rules
from shop.workdays.calendar import local_now

SCHEMA = "https://schema.org"
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
GTIN_LENGTHS = {8, 12, 13, 14}


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def organization(request, *, chat_hours=()) -> dict:
    """The business, with live chat as its contact point at the hours staff set."""
    trader = current_trader(request)
    data = {
        "@context": SCHEMA,
        "@type": "Organization",
        "@id": absolute(request, "/#organization"),
        "name": trader.company_name,
        "legalName": trader.company_name,
        "url": absolute(request, "/"),
        "logo": absolute(request, static("shop/img/logo.png")),
        "email": trader.email,
        "telephone": trader.phone,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": trader.registered_office,
            "addressCountry": "GB",
        },
    }
    if trader.vat_number:
        data["vatID"] = trader.vat_number
    if chat_hours:
        data["contactPoint"] = [
            {
                "@type": "ContactPoint",
                "contactType": "customer support",
                "name": "Live chat",
                "areaServed": "GB",
                "availableLanguage": "English",
                "url": absolute(request, "/"),
                "hoursAvailable": [
                    {
                        "@type": "OpeningHoursSpecification",
                        "dayOfWeek": f"{SCHEMA}/{DAYS[hours.weekday]}",
                        "opens": hours.opens.strftime("%H:%M"),
                        "closes": hours.closes.strftime("%H:%M"),
                    }
                    for hours in chat_hours
                ],
            }
        ]
    return data


def website(request) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "@id": absolute(request, "/#website"),
        "name": settings.OSCAR_SHOP_NAME,
        "url": absolute(request, "/"),
        "publisher": {"@id": absolute(request, "/#organization")},
        "inLanguage": "en-GB",
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute(request, reverse("search:search"))
                + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(request, crumbs: list[tuple[str, str]]) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": absolute(request, url)}
            for n, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def gtin(code: str) -> str | None:
    """``code`` if it is a GTIN-8/12/13/14 with a valid GS1 check digit."""
    code = (code or "").strip()
    if not code.isdigit() or len(code) not in GTIN_LENGTHS:
        return None
    digits = [int(d) for d in code]
    body, check = digits[:-1], digits[-1]
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return code if (10 - total % 10) % 10 == check else None


def product(request, item, *, now: datetime | None = None) -> dict:
    """A product page: the product, its brand and image, and one offer per size."""
    url = absolute(request, item.get_absolute_url())
    data = {
        "@context": SCHEMA,
        "@type": "Product",
        "@id": url + "#product",
        "name": item.get_title(),
        "url": url,
        "description": plain_text(item.meta_description or item.description)[:5000],
        "brand": {"@type": "Brand", "name": settings.OSCAR_SHOP_NAME},
    }
    image = item.primary_image()
    if not isinstance(image, dict):  # Oscar's stand-in for "no image" is a dict
        data["image"] = [absolute(request, image.original.url)]
    sizes = item.get_public_children() if item.is_parent else [item]
    offers = [offer for size in sizes if (offer := _offer(request, size, url, now)) is not None]
    if offers:
        data["offers"] = offers if item.is_parent else offers[0]
    if not item.is_parent:
        _add_identifiers(data, item)
    reviews = item.num_verified_reviews  # the rating counts verified buyers only
    if reviews and item.rating is not None:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": f"{item.rating:.1f}",
            "reviewCount": reviews,
            "bestRating": "5",
            "worstRating": "1",
        }
    return data


def _add_identifiers(data: dict, item) -> None:
    stockrecords = list(item.stockrecords.all())
    sku = stockrecords[0].partner_sku if stockrecords else ""
    if sku:
        data["sku"] = sku
    if code := gtin(item.upc):
        data["gtin"] = code


def _offer(request, size, url: str, now) -> dict | None:
    info = request.strategy.fetch_for_product(size)
    if not info.price.exists:
        return None
    price = info.price.incl_tax
    in_stock = info.availability.is_available_to_buy
    offer = {
        "@type": "Offer",
        "url": url,
        "priceCurrency": info.price.currency,
        "price": f"{price:.2f}",
        "availability": f"{SCHEMA}/{'InStock' if in_stock else 'OutOfStock'}",
        "itemCondition": f"{SCHEMA}/NewCondition",
        "seller": {"@type": "Organization", "name": current_trader(request).company_name},
    }
    if size.is_child:
        offer["name"] = size.get_title()
        _add_identifiers(offer, size)
    shipping = [_shipping(method, price, now) for method in rules.offered_methods(request)]
    if shipping:
        offer["shippingDetails"] = shipping
    return offer


def _shipping(method, price: Decimal, now) -> dict:
    """What one item costs to send to the UK mainland by ``method``, and how long it takes."""
    charge = quotes.for_goods(method, goods_total=price, items=1).charge
    today = local_now(now)
    cutoff = datetime.combine(today.date(), method.cutoff_time, today.tzinfo)
    return {
        "@type": "OfferShippingDetails",
        "name": method.name,
        "shippingRate": {"@type": "MonetaryAmount", "value": f"{charge:.2f}", "currency": "GBP"},
        "shippingDestination": {"@type": "DefinedRegion", "addressCountry": "GB"},
        "deliveryTime": {
            "@type": "ShippingDeliveryTime",
            "cutoffTime": cutoff.isoformat(timespec="seconds").split("T")[1],
            "businessDays": {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"{SCHEMA}/{day}" for day in DAYS[:5]],
            },
            "handlingTime": {
                "@type": "QuantitativeValue",
                "minValue": 0,
                "maxValue": 1,
                "unitCode": "DAY",
            },
            "transitTime": {
                "@type": "QuantitativeValue",
                "minValue": method.transit_days_min,
                "maxValue": method.transit_days_max,
                "unitCode": "DAY",
            },
        },
    }


def blog_posting(request, article, *, image_url: str = "") -> dict:
    """BlogPosting for ``article``, citing its references as scholarly works."""
    data = {
        "@context": SCHEMA,
        "@type": "BlogPosting",
        "headline": article.title[:110],
        "description": article.meta_description,
        "mainEntityOfPage": absolute(request, article.get_absolute_url()),
        "url": absolute(request, article.get_absolute_url()),
        "datePublished": article.publish_at.isoformat() if article.publish_at else None,
        "dateModified": article.updated_at.isoformat(),
        "author": {
            "@type": "Person" if article.author.kind == "person" else "Organization",
            "name": article.author.name,
            "url": absolute(request, article.author.get_absolute_url()),
        },
        "publisher": {"@type": "Organization", "name": current_trader(request).company_name},
        "keywords": [tag.name for tag in article.tags.all()],
        "articleSection": [category.name for category in article.categories.all()],
        "citation": [citation(reference) for reference in article.references.all()],
    }
    if image_url:
        data["image"] = [absolute(request, image_url)]
    if article.last_reviewed_on:
        data["lastReviewed"] = article.last_reviewed_on.isoformat()
    return data


def citation(reference) -> dict:
    work = {"@type": "ScholarlyArticle", "name": reference.title}
    if reference.authors:
        work["author"] = reference.authors
    if reference.journal:
        work["isPartOf"] = {"@type": "Periodical", "name": reference.journal}
    if reference.year:
        work["datePublished"] = str(reference.year)
    if reference.link:
        work["url"] = reference.link
    identifiers = []
    if reference.doi:
        identifiers.append({"@type": "PropertyValue", "propertyID": "DOI", "value": reference.doi})
    if reference.pmid:
        identifiers.append(
            {"@type": "PropertyValue", "propertyID": "PMID", "value": reference.pmid}
        )
    if identifiers:
        work["identifier"] = identifiers
    return work


def faq_page(entries) -> dict:
    """FAQPage for ``entries`` (shown entries: answers with live values filled in)."""
    return {
        "@context": SCHEMA,
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(entry.answer)},
            }
            for entry in entries
        ],
    }
