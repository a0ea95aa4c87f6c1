"""Demo content for local runs: the catalogue, pack shots and demo accounts."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "shop.demo"
    verbose_name = "Demo data"
