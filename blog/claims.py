"""What the claims checker reads of an article: its own words, the takeaways, every
section and the FAQ questions written in it, from the admin form being saved or from
the article as stored (linked FAQ entries are checked as FAQ entries)."""

from blog.models import Article, ArticleFAQ, KeyTakeaway, Section
from shop.claims.parts import formset_parts

ARTICLE_FIELDS = [
    ("title", "Title"),
    ("summary", "Summary"),
    ("seo_title", "SEO title"),
    ("seo_description", "SEO description"),
]


def submitted_parts(cleaned: dict, formsets) -> list[tuple[str, str]]:
    parts = [(label, cleaned.get(name) or "") for name, label in ARTICLE_FIELDS]
    by_model = {formset.model: formset for formset in formsets}
    parts += formset_parts(by_model.get(KeyTakeaway), "Takeaway", ["text"])
    parts += formset_parts(by_model.get(Section), "Section", ["heading", "body"])
    parts += formset_parts(by_model.get(ArticleFAQ), "New question", ["new_question", "new_answer"])
    return [part for part in parts if part[1]]


def saved_parts(article: Article) -> list[tuple[str, str]]:
    parts = [(label, getattr(article, name) or "") for name, label in ARTICLE_FIELDS]
    for number, takeaway in enumerate(article.takeaways.all(), start=1):
        parts.append((f"Takeaway {number}", takeaway.text))
    for number, section in enumerate(article.sections.all(), start=1):
        parts += [(f"Section {number}", section.heading), (f"Section {number}", section.body)]
    return [part for part in parts if part[1]]
