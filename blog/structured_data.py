"""JSON-LD for articles: BlogPosting (with citations), FAQPage and BreadcrumbList."""

from django.conf import settings
from django.utils.html import strip_tags


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


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
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": strip_tags(entry.answer).strip()},
            }
            for entry in entries
        ],
    }


def breadcrumbs_jsonld(request, crumbs: list[tuple[str, str]]) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": absolute(request, url)}
            for n, (name, url) in enumerate(crumbs, start=1)
        ],
    }
