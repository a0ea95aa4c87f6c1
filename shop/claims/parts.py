"""Helpers for content owners building the parts the checker reads from forms."""


def formset_parts(formset, label: str, fields: list[str]) -> list[tuple[str, str]]:
    """(name, text) parts from an inline formset's kept forms, one per field per row."""
    if formset is None or not formset.is_valid():
        return []
    parts = []
    rows = [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]
    for number, row in enumerate(rows, start=1):
        for field in fields:
            if row.get(field):
                parts.append((f"{label} {number}", str(row[field])))
    return parts
