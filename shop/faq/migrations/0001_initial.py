"""The FAQ moves out of the blog into its own app; its tables stay where they are.

The models are created in the migration state only (``blog.0003`` removes
them from the blog's state), so no row is copied. The content types are
relabelled from ``blog`` to ``faq``, so the permissions that point at them,
and the staff groups and admin history that use those, carry over.
"""

import django.db.models.deletion
from django.db import migrations, models

MODELS = ("faqcategory", "faqentry")


def relabel_content_types(apps, schema_editor, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    for model in MODELS:
        if not content_types.filter(app_label=new, model=model).exists():
            content_types.filter(app_label=old, model=model).update(app_label=new)
    ContentType.objects.clear_cache()


def forward(apps, schema_editor):
    relabel_content_types(apps, schema_editor, "blog", "faq")


def backward(apps, schema_editor):
    relabel_content_types(apps, schema_editor, "faq", "blog")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("blog", "0002_faq_products_and_reserved_slugs"),
        ("catalogue", "0034_product_no_weekend_transit"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='FAQCategory',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=80)),
                        ('slug', models.SlugField(help_text="The category's anchor on the FAQ page.", unique=True)),
                        ('position', models.PositiveSmallIntegerField(default=0)),
                    ],
                    options={
                        'verbose_name': 'FAQ category',
                        'verbose_name_plural': 'FAQ categories',
                        'db_table': 'blog_faqcategory',
                        'ordering': ['position', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='FAQEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('question', models.CharField(max_length=200)),
                        ('slug', models.SlugField(help_text="The question's anchor: /faq/#this-slug.", max_length=80, unique=True)),
                        ('answer', models.TextField(help_text='Quote the live delivery rules rather than copying them: {threshold}, {method}, {charge} and {cutoff} are filled in from the headline delivery method.')),
                        ('position', models.PositiveSmallIntegerField(default=0)),
                        ('is_visible', models.BooleanField(default=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('category', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='entries', to='faq.faqcategory')),
                        ('products', models.ManyToManyField(blank=True, related_name='faq_entries', to='catalogue.product', verbose_name='shown on these product pages')),
                    ],
                    options={
                        'verbose_name': 'FAQ entry',
                        'verbose_name_plural': 'FAQ entries',
                        'db_table': 'blog_faqentry',
                        'ordering': ['category__position', 'position', 'pk'],
                    },
                ),
            ],
        ),
        migrations.RunPython(forward, backward),
    ]
