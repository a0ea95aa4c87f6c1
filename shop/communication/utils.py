"""Communication fork: Oscar's Dispatcher queues e-mail in the outbox instead of sending.

Everything Oscar sends (order confirmations, registration, stock alerts)
goes through ``send_email_messages``; queueing there keeps each message in
the transaction of what it reports, and the outbox does the sending.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from oscar.apps.communication import utils

from shop.legal.trader import current_trader
from shop.outbox.services import queue_email


class Dispatcher(utils.Dispatcher):
    def get_base_context(self, **kwargs):
        """Every e-mail signs off with the trader's identity (the law asks for it in
        order e-mails)."""
        context = super().get_base_context(**kwargs)
        context.setdefault("trader", current_trader())
        return context

    def send_email_messages(self, recipient_email, messages, from_email=None, attachments=None):
        from_email = from_email or settings.OSCAR_FROM_EMAIL
        queue_email(
            to=recipient_email,
            subject=messages["subject"],
            body_text=messages["body"],
            body_html=messages.get("html") or "",
            from_email=from_email,
        )
        self.logger.info("Queued e-mail to %s", recipient_email)
        # Oscar's callers read subject and body from the returned message.
        return EmailMultiAlternatives(
            messages["subject"], messages["body"], from_email=from_email, to=[recipient_email]
        )
