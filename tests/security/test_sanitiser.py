"""The one sanitiser for staff-written HTML: the XSS corpus goes in, only the rich-text
allow-list comes out, and what marketers legitimately write survives."""

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shop.core.sanitise import sanitise_html
from tests.security.hostile import VECTORS, live_markup

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "h3", "h4", "ul", "ol", "li", "blockquote",
    "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "rel"},
    "ol": {"start", "type", "data-type"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}

# http(s), mailto, or a relative address (no scheme before the first /, ? or #).
# A link is safe with an allowed scheme or none at all (relative: a scheme starts with a
# letter, so ":" or "1:x" is a path), read the way a browser's URL parser reads it.
SAFE_HREF = re.compile(r"^(?:https?:|mailto:|(?![a-z][a-z0-9+.\-]*:))", re.I)


def browser_reads(href: str) -> str:
    """What the URL parser sees: no tabs or newlines, no leading or trailing C0/space."""
    return re.sub(r"[\t\n\r]", "", href).strip("".join(map(chr, range(0x21))))


CORPUS = [
    *VECTORS,
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img """><script>alert(1)</script>">',
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="//evil.example">protocol-relative</a>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<style>*{background:url('javascript:alert(1)')}</style>",
    '<div style="width:expression(alert(1))">x</div>',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example/">',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<embed src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<form><button formaction="javascript:alert(1)">x</button></form>',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    "<template><script>alert(1)</script></template>",
    '<noembed><img title="</noembed><img src onerror=alert(1)>"></noembed>',
    '<textarea><img title="</textarea><img src onerror=alert(1)>"></textarea>',
    '<title><img title="</title><img src onerror=alert(1)>"></title>',
    '<xmp><img title="</xmp><img src onerror=alert(1)>"></xmp>',
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<img src=x onerror=alert(1)>]]>",
    '<p id="messages">clobbering an id the page uses</p>',
    '<a href="https://kepos.example" target="_blank" rel="opener">tab</a>',
]


class _Structure(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.disallowed: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.disallowed.append(f"<{tag}>")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, set()):
                self.disallowed.append(f"<{tag} {name}>")
            if name == "href" and not SAFE_HREF.match(browser_reads(value or "")):
                self.disallowed.append(f"<a href={value!r}>")

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.disallowed.append("comment")


def disallowed_markup(html: str) -> list[str]:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return parser.disallowed


@pytest.mark.parametrize("attack", CORPUS)
def test_the_sanitiser_keeps_only_the_allow_list(attack):
    cleaned = sanitise_html(attack)

    assert disallowed_markup(cleaned) == []
    assert live_markup(cleaned) == []


def test_the_whole_payload_at_once_leaves_only_text():
    cleaned = sanitise_html("".join(VECTORS))

    assert disallowed_markup(cleaned) == []
    assert live_markup(cleaned) == []
    link = '<a rel="noopener noreferrer nofollow">'
    assert cleaned == f'"&gt;\'&gt;{link}j</a>{link}t</a><p>s</p>&lt;p title=""&gt;'


@pytest.mark.parametrize(
    "good",
    [
        "<p>Kefir keeps fermenting in the bottle, so open it <strong>slowly</strong>.</p>",
        "<h3>How to store it</h3><ul><li>Fridge</li><li>Upright</li></ul>",
        '<ol start="3"><li>Third</li></ol><blockquote><p>A quote</p></blockquote>',
        "<table><tbody><tr><th>Dose</th><td>2 capsules</td></tr></tbody></table>",
        "<p>Fish &amp; chips, 2 &lt; 3, <em>“quoted”</em></p>",
    ],
)
def test_what_marketers_write_survives(good):
    assert sanitise_html(good) == good


def test_links_keep_their_address_and_leave_without_opener():
    cleaned = sanitise_html(
        '<p><a href="https://pubmed.ncbi.nlm.nih.gov/37657523/">EFFICAD</a></p>'
    )

    assert cleaned == (
        '<p><a href="https://pubmed.ncbi.nlm.nih.gov/37657523/" '
        'rel="noopener noreferrer nofollow">EFFICAD</a></p>'
    )


def test_an_empty_editor_document_is_blank():
    assert sanitise_html("<p></p>") == ""
    assert sanitise_html(None) == ""


TOKENS = [
    *"<>/=\"' abcxyz:&#;!-\n\x00",
    "<script>", "</script>", "<p>", "</p>", "<a href=", "javascript:", "onerror=",
    "<svg", "<style>", "<!--", "-->", "<table>", "<td>", "<noscript>", "<img src=x ",
]  # fmt: skip


@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join))
def test_any_input_comes_out_within_the_allow_list_and_stays_put(text):
    cleaned = sanitise_html(text)

    assert disallowed_markup(cleaned) == []
    assert live_markup(cleaned) == []
    assert sanitise_html(cleaned) == cleaned  # idempotent: saving again changes nothing
