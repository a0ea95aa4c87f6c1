"""One way to put live values in staff-written text (the promise strip, FAQ answers)."""

import pytest
from django.core.exceptions import ValidationError

from shop.core import placeholders


def test_a_name_the_text_may_not_use_is_refused_with_the_ones_it_may():
    with pytest.raises(ValidationError) as error:
        placeholders.check("FREE over {treshold}", {"threshold", "method"}, "text")

    assert error.value.message_dict["text"] == [
        "Unknown placeholder {treshold}; this text may use: {method}, {threshold}."
    ]
    placeholders.check("FREE over {threshold}", {"threshold"}, "text")  # no error


def test_text_whose_value_is_missing_is_not_shown_at_all():
    assert placeholders.fill("FREE {method} over {threshold}", {"method": "Next Day"}) is None
    assert placeholders.fill("Live chat {hours}", {"hours": "8am - 8pm"}) == "Live chat 8am - 8pm"
    assert placeholders.fill("No values", {}) == "No values"


def test_values_put_into_html_are_escaped():
    html = placeholders.fill_html("<p>Order by {cutoff}</p>", {"cutoff": "<b>2pm</b>"})

    assert html == "<p>Order by &lt;b&gt;2pm&lt;/b&gt;</p>"
