"""Catalogue fork: VAT rate and food category on product classes; public products are
read by the claims review."""

import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "shop.catalogue"

    def ready(self):
        super().ready()
        from django.urls import reverse

        from shop.catalogue.claims import product_parts
        from shop.catalogue.models import Product
        from shop.claims import registry

        registry.register(
            registry.Source(
                name="Products",
                published=lambda: Product.objects.filter(is_public=True).order_by("title", "pk"),
                parts=product_parts,
                edit_url=lambda item: reverse("dashboard:catalogue-product", args=[item.pk]),
            )
        )
