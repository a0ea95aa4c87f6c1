"""The science blog: articles, authors, FAQ entries and revisions, edited in the admin."""
