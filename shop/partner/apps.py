"""Partner fork: the UK VAT-inclusive pricing strategy (shop.partner.strategy)."""

import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    name = "shop.partner"
