"""Catalogue dashboard fork: the product form's stock section belongs to those who manage stock.

Marketing edits product copy and images; Order staff manage stock (on the
stock levels page). Without ``partner.change_stockrecord`` the product form
neither shows nor saves stock records.
"""

from oscar.apps.dashboard.catalogue import views


class ProductCreateUpdateView(views.ProductCreateUpdateView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("partner.change_stockrecord"):
            self.formsets.pop("stockrecord_formset", None)
        return super().dispatch(request, *args, **kwargs)


class CategoryUpdateView(views.CategoryUpdateView):
    def form_invalid(self, form):
        """Show the errors beside the category as stored: the form keeps what was typed,
        while the page's links use the saved slug (Oscar linked to the half-edited
        category, and an emptied name answered 500)."""
        self.object.refresh_from_db()
        return super().form_invalid(form)
