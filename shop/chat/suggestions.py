"""FAQ answers that may help, matched on the words a visitor is typing (no AI).

Each visible answer scores two points per query word in its question and one
per word in its answer; the best three with a score are suggested.
"""

from shop.core.text import fold, plain_text
from shop.faq.answers import shown_entries
from shop.faq.models import FAQEntry

LIMIT = 3
MIN_WORD = 3
STOP_WORDS = {
    "the", "and", "for", "you", "your", "with", "can", "how", "what", "when", "does", "are",
    "have", "this", "that", "from", "our", "will", "there", "about", "hello", "please", "thanks",
}  # fmt: skip


def query_words(text: str) -> list[str]:
    words = fold(text[:500]).replace("?", " ").replace(",", " ").replace(".", " ").split()
    return [w for w in dict.fromkeys(words) if len(w) >= MIN_WORD and w not in STOP_WORDS]


def suggest(text: str, request=None) -> list:
    words = query_words(text)
    if not words:
        return []
    scored = []
    for item in shown_entries(FAQEntry.objects.visible().select_related("category"), request):
        question = fold(item.question)
        answer = fold(plain_text(item.answer))
        score = sum(2 * (w in question) + (w in answer) for w in words)
        if score:
            scored.append((score, item))
    scored.sort(key=lambda pair: (-pair[0], pair[1].entry.category.position, pair[1].entry.pk))
    return [item for _, item in scored[:LIMIT]]
