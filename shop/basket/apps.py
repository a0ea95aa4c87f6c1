"""Basket fork: lines load their product class with them (VAT rate, flat query counts)."""

import oscar.apps.basket.apps as apps


class BasketConfig(apps.BasketConfig):
    name = "shop.basket"
