"""An article's FAQ block row: pick an existing question, or write a new one (question,
answer, FAQ category) right there; the new entry is created on save, shown on /faq/ too,
and linked to the article. The new wording is read by the article's claims check."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify

from blog.models import ArticleFAQ
from shop.core.text import first_free
from shop.faq.models import FAQCategory, FAQEntry


def unique_slug(question: str) -> str:
    base = slugify(question)[:70] or "question"
    return first_free(base, lambda slug: FAQEntry.objects.filter(slug=slug).exists())


class ArticleFAQForm(forms.ModelForm):
    new_question = forms.CharField(label="Or write a new question", required=False, max_length=200)
    new_answer = forms.CharField(
        label="Its answer", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    new_category = forms.ModelChoiceField(
        label="In the FAQ under", queryset=FAQCategory.objects.all(), required=False
    )

    class Meta:
        model = ArticleFAQ
        fields = ["position", "entry", "new_question", "new_answer", "new_category"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].required = False
        self.fields["entry"].label = "An existing question"
        if not self.instance.pk:
            self.fields["new_category"].initial = FAQCategory.objects.order_by("position").first()
        self.new_entry = None

    def clean(self):
        cleaned = super().clean()
        entry = cleaned.get("entry")
        question = (cleaned.get("new_question") or "").strip()
        answer = (cleaned.get("new_answer") or "").strip()
        if entry and (question or answer):
            raise ValidationError("Choose an existing question or write a new one, not both.")
        if entry or cleaned.get("DELETE"):
            return cleaned
        if not question or not answer:
            raise ValidationError(
                "Choose an existing question, or write a question and its answer."
            )
        category = cleaned.get("new_category")
        if category is None:
            self.add_error("new_category", "Choose where the question goes in the FAQ.")
            return cleaned
        self.new_entry = FAQEntry(
            question=question, answer=answer, category=category, slug=unique_slug(question)
        )
        try:
            self.new_entry.full_clean(exclude=["products"])
        except ValidationError as refused:
            for field, errors in refused.message_dict.items():
                target = {"question": "new_question", "answer": "new_answer"}.get(field)
                for error in errors:
                    self.add_error(target, error)
        return cleaned

    def save(self, commit=True):
        if self.new_entry is not None and not self.instance.entry_id:
            self.new_entry.save()
            self.instance.entry = self.new_entry
        return super().save(commit)
