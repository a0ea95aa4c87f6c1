"""Demo canned replies for the chat inbox, written for this store."""

CANNED_REPLIES = [
    (
        "Greeting",
        "Hello, thanks for getting in touch with kēpos. How can I help today?",
    ),
    (
        "Kefir after opening",
        "Once opened, keep your kefir in the fridge and drink it within five days. Unopened, "
        "it keeps until the use-by date on the cap.",
    ),
    (
        "Where is my order?",
        "I can look that up for you. Could you tell me your order number? It's in your "
        "confirmation e-mail. You can also check it yourself at /order-status/ with the "
        "number and your e-mail address.",
    ),
    (
        "Not medical advice",
        "I'm sorry, we can't give medical advice in chat. Please speak to your GP or "
        "pharmacist, especially if you are pregnant, breastfeeding, taking medicines or "
        "managing a health condition.",
    ),
    (
        "Closing",
        "Is there anything else I can help with? If not, I'll close this chat and e-mail "
        "you a copy of our conversation.",
    ),
]
