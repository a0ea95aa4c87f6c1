"""JSON-LD for the blog: BlogPosting (with citations) and FAQPage.

Breadcrumbs and the helpers shared with the shop are in ``shop.seo.jsonld``.
"""

from django.conf import settings

from shop.core.text import plain_text
from shop.seo.jsonld import absolute


def article_jsonld(article, request, *, image_url: str = "") -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": article.title[:110],
        "description": article.meta_description,
        "mainEntityOfPage": absolute(request, article.get_absolute_url()),
        "url": absolute(request, article.get_absolute_url()),
        "datePublished": article.publish_at.isoformat() if article.publish_at else None,
        "dateModified": article.updated_at.isoformat(),
        "author": {
            "@type": "Organization",
            "name": article.author.name,
            "url": absolute(request, article.author.get_absolute_url()),
        },
        "publisher": {"@type": "Organization", "name": settings.SHOP_BUSINESS_NAME},
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


def faq_jsonld(entries) -> dict:
    """FAQPage for ``entries`` (shown entries: answers with live values filled in)."""
    return {
        "@context": "https://schema.org",
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
