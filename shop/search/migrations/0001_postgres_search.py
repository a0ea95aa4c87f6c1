"""PostgreSQL search: pg_trgm and unaccent, an accent-blind English text search
configuration, and GIN indexes for full-text and typo-tolerant matching.

Every statement runs on PostgreSQL only; on SQLite this migration does
nothing (the simple search needs no index). The index expressions are the
same as those shop.search.backends builds, so the planner can use them.
"""

from django.db import migrations

CONFIG = "kepos_english"

FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
            CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION {CONFIG}
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
        END IF;
    END $$""",
    # Products: title (A) > meta description (B) > description (C).
    f"""CREATE INDEX IF NOT EXISTS search_product_text ON catalogue_product USING GIN ((
        setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(title, '')), 'A')
        || setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(meta_description, '')), 'B')
        || setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(description, '')), 'C')))""",
    "CREATE INDEX IF NOT EXISTS search_product_title_trgm ON catalogue_product "
    "USING GIN (title gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_product_description_trgm ON catalogue_product "
    "USING GIN (description gin_trgm_ops)",
    # Articles: title (A) > summary (B); section headings (B) and bodies (C).
    f"""CREATE INDEX IF NOT EXISTS search_article_text ON blog_article USING GIN ((
        setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(title, '')), 'A')
        || setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(summary, '')), 'B')))""",
    f"""CREATE INDEX IF NOT EXISTS search_section_text ON blog_section USING GIN ((
        setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(heading, '')), 'B')
        || setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(body, '')), 'C')))""",
    "CREATE INDEX IF NOT EXISTS search_article_title_trgm ON blog_article "
    "USING GIN (title gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_article_summary_trgm ON blog_article "
    "USING GIN (summary gin_trgm_ops)",
    # FAQ: question (A) > answer (B).
    f"""CREATE INDEX IF NOT EXISTS search_faqentry_text ON blog_faqentry USING GIN ((
        setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(question, '')), 'A')
        || setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(answer, '')), 'B')))""",
    "CREATE INDEX IF NOT EXISTS search_faqentry_question_trgm ON blog_faqentry "
    "USING GIN (question gin_trgm_ops)",
]

BACKWARDS = [
    "DROP INDEX IF EXISTS search_faqentry_question_trgm",
    "DROP INDEX IF EXISTS search_faqentry_text",
    "DROP INDEX IF EXISTS search_article_summary_trgm",
    "DROP INDEX IF EXISTS search_article_title_trgm",
    "DROP INDEX IF EXISTS search_section_text",
    "DROP INDEX IF EXISTS search_article_text",
    "DROP INDEX IF EXISTS search_product_description_trgm",
    "DROP INDEX IF EXISTS search_product_title_trgm",
    "DROP INDEX IF EXISTS search_product_text",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}",
]


def run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0034_product_no_weekend_transit"),
        ("blog", "0002_faq_products_and_reserved_slugs"),
    ]

    operations = [
        migrations.RunPython(run_on_postgresql(FORWARDS), run_on_postgresql(BACKWARDS)),
    ]
