"""What the claims checker reads of a product: its name, description and meta text."""

CLAIMS_FIELDS = [
    ("title", "Title"),
    ("description", "Description"),
    ("meta_title", "Meta title"),
    ("meta_description", "Meta description"),
]


def product_parts(values) -> list[tuple[str, str]]:
    """(name, text) parts from submitted form data (a dict) or a product."""
    read = values.get if isinstance(values, dict) else lambda name: getattr(values, name, "")
    return [(label, read(name) or "") for name, label in CLAIMS_FIELDS if read(name)]
