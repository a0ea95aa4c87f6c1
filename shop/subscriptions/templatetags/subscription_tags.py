"""How often a basket or order line comes, for templates and e-mails."""

from django import template

from shop.subscriptions.models import weeks_label
from shop.subscriptions.options import saving_of, weeks_of

register = template.Library()


@register.filter
def delivery_rhythm(line) -> str:
    """ ", every 4 weeks (subscribe & save)" for a subscription line ("" for one-off);
    a renewal's line says it is a subscription delivery."""
    weeks = weeks_of(line)
    if not weeks:
        return ""
    if saving_of(line) is not None:
        return f" (subscription delivery, every {weeks_label(weeks)})"
    return f", every {weeks_label(weeks)} (subscribe & save)"
