"""The science blog: articles, FAQ entries, feeds (built in its own issue)."""
