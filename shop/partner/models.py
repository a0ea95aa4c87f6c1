"""Partner fork: Oscar's models, plus a record of which low-stock alerts were e-mailed."""

from django.db import models


class LowStockNotice(models.Model):
    """Order staff were e-mailed about this stock alert (so they are told once)."""

    alert = models.OneToOneField(
        "partner.StockAlert", on_delete=models.CASCADE, related_name="notice"
    )
    sent_to = models.TextField(help_text="The addresses it was queued for.")
    queued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "partner"

    def __str__(self) -> str:
        return f"Low-stock e-mail for {self.alert}"


from oscar.apps.partner.models import *  # noqa: E402,F403
