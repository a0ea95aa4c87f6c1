"""What search engines and link previews read: canonical URLs, Open Graph,
JSON-LD, the sitemap and robots.txt."""
