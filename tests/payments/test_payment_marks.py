"""The ways to pay named beside Add to basket: the card brands, plus the active
gateway's wallets."""

from shop.gateways import accepted_payment_marks

CARDS = ["American Express", "Visa", "Mastercard", "Maestro"]


def test_the_test_gateway_takes_cards_only(settings):
    settings.SHOP_PAYMENT_GATEWAY = "shop.gateways.testing.TestGateway"
    assert accepted_payment_marks() == CARDS


def test_stripe_adds_the_wallets_its_payment_element_offers(settings):
    settings.SHOP_PAYMENT_GATEWAY = "shop.gateways.stripe_gateway.StripeGateway"
    assert accepted_payment_marks() == [*CARDS, "Apple Pay", "Google Pay"]
