"""What the claims review reads: each kind of published text registers how to list it,
how to read its parts and where staff edit it (blog, FAQ and catalogue register in
their app's ready()); landing pages register the same way."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType

from shop.claims.checker import Flag, check
from shop.claims.models import AuthorisedClaim, ClaimRule, ClaimSignOff


@dataclass(frozen=True)
class Source:
    name: str  # "Articles"
    published: Callable[[], Iterable]  # what shoppers can see, loaded in a fixed number of queries
    parts: Callable[[Any], list[tuple[str, str]]]
    edit_url: Callable[[Any], str]


SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    SOURCES[source.name] = source


@dataclass(frozen=True)
class Finding:
    source: Source
    item: Any
    flags: list[Flag]

    @property
    def open_flags(self) -> list[Flag]:
        return [flag for flag in self.flags if flag.needs_sign_off]

    @property
    def edit_url(self) -> str:
        return self.source.edit_url(self.item)


def review() -> list[Finding]:
    """Every published text with flags no sign-off covers, source by source."""
    rules = list(ClaimRule.objects.filter(is_active=True))
    claims = list(AuthorisedClaim.objects.filter(is_active=True))
    signed = defaultdict(set)
    for content_type_id, object_id, flags in ClaimSignOff.objects.values_list(
        "content_type_id", "object_id", "flags"
    ):
        signed[(content_type_id, object_id)].update(flags)
    findings = []
    for source in SOURCES.values():
        for item in source.published():
            covered = signed[(ContentType.objects.get_for_model(item).pk, item.pk)]
            flags = [
                flag
                for flag in check(source.parts(item), rules, claims)
                if flag.needs_sign_off and flag.fingerprint not in covered
            ]
            if flags:
                findings.append(Finding(source, item, flags))
    return findings
