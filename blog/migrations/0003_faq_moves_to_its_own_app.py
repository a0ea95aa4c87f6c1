"""The FAQ models leave the blog's migration state for the ``faq`` app's
(``faq.0001``); the tables, rows and the article links' foreign keys stay as
they are. Runs after the migrations that still read the blog's FAQ models."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0002_faq_products_and_reserved_slugs"),
        ("faq", "0001_initial"),
        ("shop_core", "0001_sanitise_stored_html"),
        ("search", "0001_postgres_search"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="articlefaq",
                    name="entry",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="article_links",
                        to="faq.faqentry",
                    ),
                ),
                migrations.DeleteModel(name="FAQEntry"),
                migrations.DeleteModel(name="FAQCategory"),
            ],
        ),
    ]
