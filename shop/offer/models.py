"""Offer fork: benefit and condition descriptions are HTML with the range name escaped.

Oscar's dashboard and voucher pages print ``benefit.description`` and
``condition.description`` with ``|safe``. For most types Oscar's description
falls back to ``name``, which is plain text holding the range name as staff
typed it, so a range named ``<script>…`` ran in whoever's browser read it.
"""

from django.utils.html import conditional_escape
from oscar.apps.offer.abstract_models import AbstractBenefit, AbstractCondition


def _html_description(instance) -> str:
    proxy = instance.proxy()
    if proxy is instance:  # a type without a description of its own: its name, escaped
        return conditional_escape(instance.name)
    return proxy.description  # built with shop.offer.utils.range_anchor, which escapes


class Benefit(AbstractBenefit):
    @property
    def description(self) -> str:
        return _html_description(self)


class Condition(AbstractCondition):
    @property
    def description(self) -> str:
        return _html_description(self)


from oscar.apps.offer.models import *  # noqa: E402,F403
