"""Oscar speaks US English ("Shipping method", "Post/Zip-code", "State/County"); the store
speaks British English. Rather than override every template and form that says it, the
store ships a British English catalogue (locale/en_GB) made from Oscar's own messages by
the rules below, so every page, e-mail and dashboard screen says Delivery and Postcode.

`manage.py make_uk_wording` writes django.po (to read) and django.mo (what Django loads);
a test fails when the committed files differ from what the rules make, so the catalogue
cannot drift from Oscar's messages or from these rules. No msgfmt is needed.
"""

import ast
import re
import struct
from dataclasses import dataclass
from pathlib import Path

import oscar

OSCAR_MESSAGES = Path(oscar.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"

# Whole messages worded differently, checked before the word rules.
MESSAGES = {
    "Post/Zip-code": "Postcode",
    "State/County": "County",
    "We do not ship to this country": "We do not deliver to this country",
    "Where should we ship to?": "Where should we deliver to?",
}
# Word rules, applied in order to every other message that uses the words.
WORDS = [
    (re.compile(r"\bShip(p?)ing\b"), "Delivery"),  # Oscar spells it "Shiping" once
    (re.compile(r"\bship(p?)ing\b"), "delivery"),
    (re.compile(r"\bShip to\b"), "Deliver to"),
    (re.compile(r"\bship to\b"), "deliver to"),
]


@dataclass
class Message:
    msgid: str
    context: str = ""
    plural: str = ""
    translations: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The .mo lookup key: context and id, and the plural form, as gettext joins them."""
        key = f"{self.context}\x04{self.msgid}" if self.context else self.msgid
        return f"{key}\x00{self.plural}" if self.plural else key


def read_po(path: Path) -> list[Message]:
    """The messages of a .po file (msgctxt, msgid, msgid_plural; translations ignored)."""
    entries: list[dict] = []
    current: dict = {}
    field = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid", "msgid_plural"):
            if keyword != "msgid_plural" and "msgid" in current:  # a new entry starts
                entries.append(current)
                current = {}
            field, current[keyword] = keyword, ast.literal_eval(rest)
        elif line.startswith('"') and field:
            current[field] += ast.literal_eval(line)
        else:  # msgstr lines, comments and blank lines end the field being read
            field = None
    if "msgid" in current:
        entries.append(current)
    return [
        Message(entry["msgid"], entry.get("msgctxt", ""), entry.get("msgid_plural", ""))
        for entry in entries
        if entry["msgid"]
    ]


def british(text: str) -> str:
    if text in MESSAGES:
        return MESSAGES[text]
    for pattern, replacement in WORDS:
        text = pattern.sub(replacement, text)
    return text


def catalogue(messages: list[Message]) -> list[Message]:
    """The messages whose British wording differs, with their translations."""
    worded = []
    for message in messages:
        forms = (message.msgid, message.plural) if message.plural else (message.msgid,)
        translated = tuple(british(form) for form in forms)
        if translated != forms:
            worded.append(Message(message.msgid, message.context, message.plural, translated))
    return sorted(worded, key=lambda m: m.key)


HEADER = (
    "Content-Type: text/plain; charset=UTF-8\n"
    "Language: en_GB\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\n"
)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def po_text(worded: list[Message]) -> str:
    lines = [
        "# British English for Oscar's messages: made by `manage.py make_uk_wording`",
        "# (shop/core/uk_wording.py); edit the rules there, not this file.",
        'msgid ""',
        'msgstr ""',
        *(_quoted(line + "\n") for line in HEADER.splitlines()),
        "",
    ]
    for message in worded:
        if message.context:
            lines.append(f"msgctxt {_quoted(message.context)}")
        lines.append(f"msgid {_quoted(message.msgid)}")
        if message.plural:
            lines.append(f"msgid_plural {_quoted(message.plural)}")
            lines += [f"msgstr[{n}] {_quoted(t)}" for n, t in enumerate(message.translations)]
        else:
            lines.append(f"msgstr {_quoted(message.translations[0])}")
        lines.append("")
    return "\n".join(lines)


def mo_bytes(worded: list[Message]) -> bytes:
    """A GNU .mo file: the header entry and every message, keys sorted as gettext wants."""
    entries = {"": HEADER}
    for message in worded:
        entries[message.key] = "\x00".join(message.translations)
    keys = sorted(entries)
    ids = [key.encode() for key in keys]
    strs = [entries[key].encode() for key in keys]
    count, header_size = len(keys), 7 * 4
    ids_start = header_size + count * 16
    id_table, str_table, offset = [], [], ids_start
    for data in ids:
        id_table.append((len(data), offset))
        offset += len(data) + 1
    for data in strs:
        str_table.append((len(data), offset))
        offset += len(data) + 1
    output = struct.pack("<7I", 0x950412DE, 0, count, header_size, header_size + count * 8, 0, 0)
    output += b"".join(struct.pack("<2I", *entry) for entry in id_table + str_table)
    output += b"".join(data + b"\x00" for data in ids + strs)
    return output


def files() -> dict[str, bytes]:
    """What locale/en_GB/LC_MESSAGES should hold."""
    worded = catalogue(read_po(OSCAR_MESSAGES))
    return {"django.po": po_text(worded).encode(), "django.mo": mo_bytes(worded)}
