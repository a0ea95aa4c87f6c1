"""Messages for our own create, edit and delete screens (delivery rules, chat replies)."""

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


class DeletedMessageMixin:
    """Say what was deleted."""

    def form_valid(self, form):
        messages.success(self.request, f"Deleted “{self.object}”.")
        return super().form_valid(form)
