"""Our own create, edit and delete screens (delivery rules, chat replies): one
template each for editing and deleting, and what they say when done."""

from django.contrib import messages
from django.db import IntegrityError, transaction


class SavedMessageMixin:
    """Say what was saved, and turn a lost race on a unique rule into a form error."""

    success_message = "Saved “{object}”."

    def form_valid(self, form):
        try:
            with transaction.atomic():
                response = super().form_valid(form)
        except IntegrityError:
            form.add_error(None, "Someone else changed this at the same time; please try again.")
            return self.form_invalid(form)
        messages.success(self.request, self.success_message.format(object=self.object))
        return response


class EditScreenMixin(SavedMessageMixin):
    """A create or edit view on the shared screen, which names what it edits
    (``kind``, e.g. "closure") and links back to the list (``list_title``)."""

    template_name = "shop/dashboard/edit_form.html"
    kind = ""
    list_title = ""

    def get_context_data(self, **kwargs):
        kwargs.setdefault("kind", self.kind)
        kwargs.setdefault("list_title", self.list_title)
        kwargs.setdefault("list_url", self.success_url)
        return super().get_context_data(**kwargs)


class DeletedMessageMixin:
    """Say what was deleted."""

    def form_valid(self, form):
        messages.success(self.request, f"Deleted “{self.object}”.")
        return super().form_valid(form)
