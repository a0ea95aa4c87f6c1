"""Postcodes: a clear error for bad ones, the right zone for good ones."""

import pytest

from shop.shipping.postcodes import DeliveryZone, PostcodeError, normalise, zone_for


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("sw1a1aa", "SW1A 1AA"),
        (" ec1a  1bb ", "EC1A 1BB"),
        ("M1 1AE", "M1 1AE"),
        ("bt71nn", "BT7 1NN"),
    ],
)
def test_postcodes_are_normalised(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize("raw", ["", "SW1A", "12345", "SW1A 1AAA", "<script>", "Q1 1AA1"])
def test_malformed_postcodes_get_a_clear_error(raw):
    with pytest.raises(PostcodeError, match="Enter a full UK postcode, like SW1A 1AA."):
        normalise(raw)


@pytest.mark.parametrize(
    ("postcode", "zone"),
    [
        ("SW1A 1AA", DeliveryZone.MAINLAND),
        ("AB10 1XG", DeliveryZone.MAINLAND),  # Aberdeen city
        ("IV2 3AB", DeliveryZone.HIGHLANDS_ISLANDS),  # Inverness
        ("PH33 6SY", DeliveryZone.HIGHLANDS_ISLANDS),  # Fort William
        ("ZE1 0AA", DeliveryZone.HIGHLANDS_ISLANDS),  # Shetland
        ("PA20 0AA", DeliveryZone.HIGHLANDS_ISLANDS),
        ("PA1 1AA", DeliveryZone.MAINLAND),  # Paisley
        ("PO30 1UD", DeliveryZone.HIGHLANDS_ISLANDS),  # Isle of Wight
        ("BT7 1NN", DeliveryZone.NORTHERN_IRELAND),
    ],
)
def test_postcodes_fall_in_their_delivery_zone(postcode, zone):
    assert zone_for(postcode) == zone


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        ("JE2 3AB", "We can't deliver to Jersey"),
        ("GY1 1AA", "We can't deliver to Guernsey"),
        ("IM1 1AA", "Isle of Man"),
    ],
)
def test_places_we_do_not_serve_are_refused_with_a_reason(postcode, message):
    with pytest.raises(PostcodeError, match=message):
        zone_for(postcode)
