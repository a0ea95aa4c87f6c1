"""The storefront's base stylesheet is Oscar's cut to the classes the storefront uses
(scripts/purgecss.config.cjs): a template that starts using a class the cut dropped
would lose its styling without anyone noticing, so this fails instead."""

import re
from pathlib import Path

import oscar
from django.conf import settings

OSCAR = Path(oscar.__file__).parent
BASE_CSS = settings.BASE_DIR / "static/shop/css/base.css"
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
TEMPLATE_CODE = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")


def storefront_templates():
    for root in (settings.BASE_DIR / "templates", OSCAR / "templates"):
        for path in root.rglob("*.html"):
            if "dashboard" not in path.parts:
                yield path


def classes_used() -> set[str]:
    used = set()
    for path in storefront_templates():
        for value in CLASS_ATTRIBUTE.findall(path.read_text(encoding="utf-8")):
            used.update(TEMPLATE_CODE.sub(" ", value).split())
    return used


def classes_styled(css: str) -> set[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors = re.findall(r"([^{}]+){", css)
    return {name for selector in selectors for name in SELECTOR_CLASS.findall(selector)}


def test_every_oscar_class_a_storefront_template_uses_is_still_in_the_base_stylesheet():
    oscar_classes = classes_styled((OSCAR / "static/oscar/css/styles.css").read_text("utf-8"))
    kept = classes_styled(BASE_CSS.read_text(encoding="utf-8"))
    used = classes_used()

    assert {"container", "row", "btn-primary", "sr-only"} <= used & kept  # the scan works
    assert sorted((used & oscar_classes) - kept) == []


def test_the_base_stylesheet_is_a_fraction_of_oscars():
    assert BASE_CSS.stat().st_size < (OSCAR / "static/oscar/css/styles.css").stat().st_size / 2
