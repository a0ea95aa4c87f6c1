"""Stock levels per product and size, with low-stock thresholds, for Order staff."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.views.generic import ListView, UpdateView
from oscar.core.loading import get_model

from shop.dashboard.catalogue.forms import StockLevelForm
from shop.partner.stock import low_stock_records, queue_low_stock_emails, with_availability

StockRecord = get_model("partner", "StockRecord")


class StockLevelListView(ListView):
    template_name = "shop/dashboard/catalogue/stock_levels.html"
    context_object_name = "records"
    paginate_by = 50

    def get_queryset(self):
        self.only_low = self.request.GET.get("low") == "1"
        self.query = self.request.GET.get("q", "").strip()[:100]
        records = (
            low_stock_records() if self.only_low else with_availability(StockRecord.objects.all())
        )
        if self.query:
            records = records.filter(
                Q(partner_sku__icontains=self.query)
                | Q(product__title__icontains=self.query)
                | Q(product__parent__title__icontains=self.query)
            )
        return records.select_related("product__parent", "partner").order_by(
            "available", "product__title"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(only_low=self.only_low, query=self.query, form_class=StockLevelForm)
        return context


class StockLevelUpdateView(UpdateView):
    model = StockRecord
    form_class = StockLevelForm
    template_name = "shop/dashboard/catalogue/stock_level_form.html"
    context_object_name = "record"

    def form_valid(self, form):
        record = form.save()
        alerts = queue_low_stock_emails()
        messages.success(
            self.request,
            f"Stock for {record.product.get_title()} saved."
            + (" Order staff have been e-mailed about low stock." if alerts else ""),
        )
        return redirect("dashboard:stock-level-list")
