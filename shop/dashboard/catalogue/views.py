"""Catalogue dashboard fork: the product form's stock section belongs to those who manage
stock, and a product customers subscribe to is not deleted from under them.

Marketing edits product copy and images; Order staff manage stock (on the
stock levels page). Without ``partner.change_stockrecord`` the product form
neither shows nor saves stock records. Foods carry a "Food label" tab
(nutrition, or a supplement's ingredient table).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import redirect
from oscar.apps.dashboard.catalogue import views

from blog.images import hero_picture
from shop.catalogue.claims import product_parts
from shop.claims import checker, signoff
from shop.dashboard.catalogue.labelling import INGREDIENT_COLUMNS, label_formsets


class ProductCreateUpdateView(views.ProductCreateUpdateView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("partner.change_stockrecord"):
            self.formsets.pop("stockrecord_formset", None)
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        """Once the product class is known, add the food-label formsets it needs."""
        product = super().get_object(queryset)
        self.formsets.update(label_formsets(self.product_class, self.parent))
        return product

    def clean(self, form, formsets):
        """Making a product public with claims flags left needs a Manager's sign-off."""
        valid = super().clean(form, formsets)
        if not form.is_valid():
            return valid
        data = form.cleaned_data
        self.claims_flags = checker.check(product_parts(data))
        try:
            self.claims_gate = signoff.gate(
                self.claims_flags,
                self.object,
                publishing=data.get("is_public", True),
                user=self.request.user,
                note=data.get("claims_sign_off_note", ""),
            )
        except ValidationError as refused:
            form.add_error(None, refused)
            return False
        return valid

    def forms_valid(self, form, formsets):
        response = super().forms_valid(form, formsets)
        signoff.record(self.claims_gate, self.object, self.request.user)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not hasattr(self, "claims_flags"):
            self.claims_flags = checker.check(product_parts(self.object)) if self.object else []
        context["claims_flags"] = self.claims_flags
        context["ingredient_columns"] = INGREDIENT_COLUMNS
        return context


class CategoryPictureMixin:
    def form_valid(self, form):
        """The category picture's renditions are made as staff save it, so the first
        shopper to open the category does not wait for the encoder."""
        response = super().form_valid(form)
        if self.object.image:
            hero_picture(self.object.image)
        return response


class CategoryCreateView(CategoryPictureMixin, views.CategoryCreateView):
    pass


class CategoryUpdateView(CategoryPictureMixin, views.CategoryUpdateView):
    def form_invalid(self, form):
        """Show the errors beside the category as stored: the form keeps what was typed,
        while the page's links use the saved slug (Oscar linked to the half-edited
        category, and an emptied name answered 500)."""
        self.object.refresh_from_db()
        return super().form_invalid(form)


class ProductDeleteView(views.ProductDeleteView):
    def post(self, request, *args, **kwargs):
        """A product (or a size of it) with subscriptions is kept, saying why (the
        deletion answered 500): make it unavailable instead, or end the subscriptions."""
        try:
            with transaction.atomic():
                return super().post(request, *args, **kwargs)
        except ProtectedError as error:
            count = len(error.protected_objects)
            messages.error(
                request,
                f"This product can't be deleted: {count} customer subscription"
                f"{'s use' if count != 1 else ' uses'} it (Fulfilment > Subscriptions). "
                "Make it unavailable instead, or cancel those subscriptions first.",
            )
            return redirect("dashboard:catalogue-product", pk=kwargs["pk"])
