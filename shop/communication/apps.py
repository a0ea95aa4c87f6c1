"""Communication fork: every e-mail Oscar sends is written to the outbox first."""

import oscar.apps.communication.apps as apps


class CommunicationConfig(apps.CommunicationConfig):
    name = "shop.communication"
