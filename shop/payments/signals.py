"""Signals of the payment flow, for apps that build on a paid order (subscriptions)."""

from django.dispatch import Signal

# Sent once per order, inside the transaction that marks it paid:
# order_paid.send(sender=Order, order=order, intent=intent)
order_paid = Signal()
