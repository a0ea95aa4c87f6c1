"""Dashboard fork: the index shows each role its own work, and nothing else.

Oscar's index shows every staff user the shop's order counts and revenue.
Here each panel appears only with the permission for that area; revenue only
with ``order.view_sales_figures`` (Managers).
"""

from datetime import timedelta
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from shop.chat.hours import ChatSchedule
from shop.chat.models import Conversation
from shop.order import status
from shop.partner.stock import low_stock_records
from shop.roles import roles_of
from shop.workdays.calendar import local_now

ConditionalOffer = get_model("offer", "ConditionalOffer")
Order = get_model("order", "Order")
Voucher = get_model("voucher", "Voucher")


class IndexView(TemplateView):
    template_name = "shop/dashboard/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["roles"] = roles_of(user)
        if user.has_perm("order.view_order"):
            context["orders"] = self.order_panel()
        if user.has_perm("chat.view_conversation"):
            context["chats"] = {
                **Conversation.objects.tab_counts(user),
                "status": ChatSchedule.current(self.request).status(),
            }
        if user.has_perm("order.view_sales_figures"):
            context["sales"] = self.sales_panel()
        if user.has_perm("partner.view_stockrecord"):
            context["low_stock"] = low_stock_records().count()
        if user.has_perm("offer.view_conditionaloffer"):
            context["offers"] = {
                "active_offers": ConditionalOffer.active.count(),
                "active_vouchers": Voucher.objects.filter(end_datetime__gt=timezone.now()).count(),
            }
        return context

    def order_panel(self) -> dict:
        today = local_now().date()
        counts = Order.objects.aggregate(
            to_dispatch_today=Count(
                "pk",
                filter=Q(status__in=[status.PAID, status.PACKED], dispatch_on__lte=today),
            ),
            paid=Count("pk", filter=Q(status=status.PAID)),
            packed=Count("pk", filter=Q(status=status.PACKED)),
            pending_payment=Count("pk", filter=Q(status=status.PENDING_PAYMENT)),
        )
        return {**counts, "today": today}

    def sales_panel(self) -> dict:
        since = timezone.now() - timedelta(days=7)
        counted = Order.objects.exclude(status__in=[status.PENDING_PAYMENT, status.CANCELLED])
        week = counted.filter(date_placed__gte=since).aggregate(
            orders=Count("pk"), revenue=Sum("total_incl_tax")
        )
        return {"orders": week["orders"], "revenue": week["revenue"] or Decimal("0.00")}
