"""The FAQ page: every visible answer by category, with a filter that works without JavaScript.

The page always carries every answer; a filter (``?q=``) marks the ones that
don't match ``hidden``, so the script that filters as you type and the plain
form produce the same page. The FAQPage JSON-LD lives here and only here:
articles and product pages show the same entries without marking them up
again (one answer, one place).
"""

from itertools import groupby

from django import forms
from django.urls import reverse
from django.utils.html import strip_tags
from django.views.generic import TemplateView

from shop.core.text import fold
from shop.faq.answers import shown_entries
from shop.faq.models import FAQEntry
from shop.seo import jsonld

MAX_QUERY = 100


class FAQFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=MAX_QUERY, strip=True)

    def words(self) -> list[str]:
        if not self.is_valid():
            return fold(self.data.get("q", "")[:MAX_QUERY]).split()
        return fold(self.cleaned_data["q"]).split()


class FAQView(TemplateView):
    template_name = "faq/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        form = FAQFilterForm(request.GET)
        words = form.words()
        entries = FAQEntry.objects.visible().select_related("category")
        shown = shown_entries(entries, request)
        groups, matching = [], 0
        for category, items in groupby(shown, key=lambda item: item.entry.category):
            rows = [(item, self.matches(item, words)) for item in items]
            matching += sum(1 for _, match in rows if match)
            groups.append((category, rows, any(match for _, match in rows)))
        crumbs = [("Home", "/"), ("Questions and answers", reverse("faq:index"))]
        context.update(
            form=form,
            query=" ".join(words),
            groups=groups,
            total=len(shown),
            matching=matching,
            crumbs=crumbs,
            jsonld=[
                jsonld.faq_page(shown),
                jsonld.breadcrumbs(request, crumbs),
            ]
            if shown
            else [],
        )
        return context

    @staticmethod
    def matches(item, words: list[str]) -> bool:
        text = fold(f"{item.question} {strip_tags(item.answer)}")
        return all(word in text for word in words)
