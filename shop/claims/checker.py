"""The claims checker: reads text against the claims lists and says what to look at.

A text is a list of named parts ("Section 3: Why kefir fizzes", "Answer") of HTML or
plain text. Flags, by rule kind:

* forbidden wording (cure, treat, prevent, heal, detox...) is always flagged;
* wording that needs a reference ("clinically proven") is flagged unless the same
  sentence cites one, as [n];
* general-benefit wording ("probiotic", "supports gut health") is flagged unless the
  text also makes one of the authorised claims.

Forbidden wording denied in its own sentence ("it is not intended to treat, cure or
prevent any disease") becomes a note to read, not a flag to sign off.

Authorised claims found in the text are reported with their conditions of use, as
notes that need no sign-off. The checker never edits the text.
"""

import hashlib
import re
from dataclasses import dataclass
from html import unescape

from shop.claims.models import AuthorisedClaim, ClaimRule

NEGATION = re.compile(
    r"\b(?:not|never|no|nor|cannot|can't|isn't|aren't|doesn't|don't|won't|without)\b",
    re.IGNORECASE,
)
NEGATION_REACH = 8  # words before a match that can deny it ("not intended to ... cure")
CITATION = re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


NOTES = {"authorised", "denied"}


@dataclass(frozen=True)
class Flag:
    kind: str  # a ClaimRule.Kind, or "authorised" for a note
    phrase: str  # the rule's phrase, or the authorised wording
    found: str  # the words as written
    where: str  # the part's name
    excerpt: str
    message: str

    @property
    def needs_sign_off(self) -> bool:
        return self.kind not in NOTES

    @property
    def fingerprint(self) -> str:
        """Stable across edits that keep the flagged words in the same part."""
        key = f"{self.kind}|{self.phrase.lower()}|{self.found.lower()}|{self.where}"
        return hashlib.sha256(key.encode()).hexdigest()[:16]


def plain_text(html: str) -> str:
    """Visible words of staff HTML, block ends kept as sentence breaks."""
    text = re.sub(r"</(p|li|h[1-6]|div|blockquote|tr)>|<br\s*/?>", ". ", html or "", flags=re.I)
    text = unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"\s+", " ", text).strip()


def phrase_pattern(phrase: str) -> re.Pattern:
    """A rule's phrase as a regular expression: whole words, any case, * for endings."""
    words = []
    for word in phrase.split():
        if word == "*":
            words.append(r"[\w'’-]+")
        elif word.endswith("*"):
            words.append(re.escape(word[:-1]) + r"[\w'’-]*")
        else:
            words.append(re.escape(word))
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)


def _normalised(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def _excerpt(text: str, start: int, end: int, room: int = 60) -> str:
    left, right = max(0, start - room), min(len(text), end + room)
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")


def _sentence_at(text: str, position: int) -> str:
    start = 0
    for boundary in SENTENCE_END.finditer(text):
        if boundary.start() >= position:
            return text[start : boundary.start()]
        start = boundary.end()
    return text[start:]


def check(parts: list[tuple[str, str]], rules=None, claims=None) -> list[Flag]:
    """Every flag and note for ``parts`` ((name, html) pairs), in reading order."""
    rules = list(ClaimRule.objects.filter(is_active=True)) if rules is None else rules
    claims = list(AuthorisedClaim.objects.filter(is_active=True)) if claims is None else claims
    texts = [(name, plain_text(html)) for name, html in parts]
    whole = _normalised(" ".join(text for _, text in texts))
    used = [claim for claim in claims if _normalised(claim.wording) in whole]
    flags: list[Flag] = []
    seen: set[str] = set()
    for name, text in texts:
        matches = sorted(
            (
                (match, rule)
                for rule in rules
                for match in phrase_pattern(rule.phrase).finditer(text)
            ),
            key=lambda pair: pair[0].start(),
        )
        for match, rule in matches:
            flag = _flag_for(rule, match, name, text, used)
            if flag is not None and flag.fingerprint not in seen:
                seen.add(flag.fingerprint)
                flags.append(flag)
    for claim in used:
        flags.append(
            Flag(
                kind="authorised",
                phrase=claim.wording,
                found=claim.wording,
                where=_part_with(texts, claim.wording),
                excerpt=claim.wording,
                message=f"Authorised claim: check its conditions of use. {claim.conditions_of_use}",
            )
        )
    return flags


def _flag_for(rule, match, name, text, used) -> Flag | None:
    kind = rule.kind
    if kind == ClaimRule.Kind.NEEDS_REFERENCE and CITATION.search(
        _sentence_at(text, match.start())
    ):
        return None
    if kind == ClaimRule.Kind.GENERAL_BENEFIT and used:
        return None
    message = rule.explanation
    if kind == ClaimRule.Kind.FORBIDDEN and _denied(text, match.start()):
        kind = "denied"
        message = "Reads as a denial: check the sentence says the product does not do this."
    return Flag(
        kind=kind,
        phrase=rule.phrase,
        found=match.group(0),
        where=name,
        excerpt=_excerpt(text, match.start(), match.end()),
        message=message,
    )


def _denied(text: str, position: int) -> bool:
    """A negation among the few words before ``position`` in the same sentence."""
    sentence_start = 0
    for boundary in SENTENCE_END.finditer(text[:position]):
        sentence_start = boundary.end()
    before = text[sentence_start:position].split()[-NEGATION_REACH:]
    return bool(NEGATION.search(" ".join(before)))


def _part_with(texts, wording: str) -> str:
    target = _normalised(wording)
    return next((name for name, text in texts if target in _normalised(text)), texts[0][0])


def to_sign_off(flags: list[Flag]) -> list[Flag]:
    return [flag for flag in flags if flag.needs_sign_off]
