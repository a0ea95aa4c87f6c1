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
