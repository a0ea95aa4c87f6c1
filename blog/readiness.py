"""Is the article ready to publish? The checks a writer sees beside the editor, worked
out from what is on the page (posted as it is being written) rather than what is saved:
title and description lengths, the hero image and its alt text, references cited and
citations resolved, claims flags, and links to pages of this site that do not exist.

Links to other sites are not fetched: no editor waits on someone else's server.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.http import Http404
from django.urls import Resolver404, resolve

from blog.models import cited_numbers
from shop.claims.checker import check as claims_check

TITLE_MAX, DESCRIPTION_MIN, DESCRIPTION_MAX = 60, 70, 160
HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


@dataclass(frozen=True)
class Check:
    label: str
    ok: bool
    detail: str


@dataclass
class Draft:
    """The parts of an article the checks read."""

    title: str = ""
    seo_title: str = ""
    summary: str = ""
    seo_description: str = ""
    has_hero: bool = False
    hero_alt: str = ""
    sections: tuple[tuple[str, str], ...] = ()  # (heading, body html)
    references: tuple[int, ...] = ()
    host: str = ""


def draft_from_post(data, article=None, host: str = "") -> Draft:
    """Read the admin form's fields as posted (rows marked for deletion left out)."""

    def rows(prefix: str) -> list[str]:
        total = int(data.get(f"{prefix}-TOTAL_FORMS") or 0)
        return [
            f"{prefix}-{n}" for n in range(min(total, 200)) if not data.get(f"{prefix}-{n}-DELETE")
        ]

    sections = tuple(
        (data.get(f"{row}-heading", ""), data.get(f"{row}-body", "")) for row in rows("sections")
    )
    references = tuple(
        int(number)
        for row in rows("references")
        if (number := data.get(f"{row}-number", "")).isdigit()
    )
    return Draft(
        title=data.get("title", ""),
        seo_title=data.get("seo_title", ""),
        summary=data.get("summary", ""),
        seo_description=data.get("seo_description", ""),
        has_hero=bool(data.get("hero_chosen")) or bool(article and article.hero_image),
        hero_alt=data.get("hero_alt", ""),
        sections=sections,
        references=references,
        host=host,
    )


def checks(draft: Draft) -> list[Check]:
    return [
        _title(draft),
        _description(draft),
        _hero(draft),
        *_references(draft),
        _claims(draft),
        _links(draft),
    ]


def _title(draft: Draft) -> Check:
    title = (draft.seo_title or draft.title).strip()
    if not title:
        return Check("Title", False, "Write a title.")
    ok = len(title) <= TITLE_MAX
    return Check(
        "Title length",
        ok,
        f"{len(title)} characters"
        + ("" if ok else f": search results cut titles after about {TITLE_MAX}; set an SEO title."),
    )


def _description(draft: Draft) -> Check:
    text = (draft.seo_description or draft.summary).strip()
    ok = DESCRIPTION_MIN <= len(text) <= DESCRIPTION_MAX
    advice = (
        "" if ok else f": aim for {DESCRIPTION_MIN}–{DESCRIPTION_MAX} (summary or SEO description)."
    )
    return Check("Description length", ok, f"{len(text)} characters{advice}")


def _hero(draft: Draft) -> Check:
    if not draft.has_hero:
        return Check("Hero image", True, "None: link previews show a drawn title card.")
    if not draft.hero_alt.strip():
        return Check("Hero image", False, "Describe the hero image for screen readers (alt text).")
    return Check("Hero image", True, "With alt text.")


def _references(draft: Draft) -> list[Check]:
    cited = (
        set().union(*(cited_numbers(body) for _, body in draft.sections))
        if draft.sections
        else set()
    )
    listed = set(draft.references)
    missing, unused = sorted(cited - listed), sorted(listed - cited)
    return [
        Check(
            "Citations resolved",
            not missing,
            "Every [n] has a reference."
            if not missing
            else "No reference for " + _numbers(missing),
        ),
        Check(
            "References cited",
            not unused,
            "Every reference is cited."
            if not unused
            else "Not cited in the text: " + _numbers(unused),
        ),
    ]


def _numbers(numbers) -> str:
    return ", ".join(f"[{n}]" for n in numbers) + "."


def _claims(draft: Draft) -> Check:
    parts = [("Title", draft.title), ("Summary", draft.summary)]
    parts += [(f"Section {n}", f"{h}. {b}") for n, (h, b) in enumerate(draft.sections, start=1)]
    flags = [flag for flag in claims_check(parts) if flag.needs_sign_off]
    if not flags:
        return Check("Claims check", True, "Nothing flagged.")
    found = ", ".join(f"“{flag.found}”" for flag in flags[:5])
    return Check("Claims check", False, f"{len(flags)} to look at: {found} (see Claims check).")


def _links(draft: Draft) -> Check:
    broken = []
    for _, body in draft.sections:
        for href in HREF.findall(body or ""):
            parts = urlsplit(href)
            if parts.scheme in ("mailto", "tel") or href.startswith("#"):
                continue
            if parts.netloc and parts.netloc != draft.host:
                continue  # another site's page: not fetched from here
            if not _exists(parts.path or "/"):
                broken.append(href)
    if not broken:
        return Check("Links", True, "Every link to this site finds a page.")
    return Check("Links", False, "No page at " + ", ".join(broken[:5]) + ".")


def _exists(path: str) -> bool:
    """Whether a path of this site names a page: its URL pattern matches and, for pages
    of one object, the object exists (asked of the view with the request it would get)."""
    from django.test import RequestFactory

    try:
        match = resolve(path)
    except Resolver404:
        return False
    request = RequestFactory().get(path)
    try:
        response = match.func(request, *match.args, **match.kwargs)
    except Http404:
        return False
    except Exception:  # noqa: BLE001 (a view that needs more than a bare request exists)
        return True
    return getattr(response, "status_code", 200) != 404


def draft_from_article(article, host: str = "") -> Draft:
    return Draft(
        title=article.title,
        seo_title=article.seo_title,
        summary=article.summary,
        seo_description=article.seo_description,
        has_hero=bool(article.hero_image),
        hero_alt=article.hero_alt,
        sections=tuple((s.heading, s.body) for s in article.sections.all()),
        references=tuple(article.references.values_list("number", flat=True)),
        host=host,
    )


def as_json(found: list[Check]) -> dict:
    return {
        "ready": all(item.ok for item in found),
        "checks": [{"label": c.label, "ok": c.ok, "detail": c.detail} for c in found],
    }
