"""The exact words shown when someone gives or withdraws consent (UK GDPR, PECR).

Each consent record stores the words it was given with, verbatim, so these
constants are the only place any of them is written. Rewording one changes what
is recorded from then on; earlier records keep what those people saw. Widening
what a sign-up covers needs fresh consent from existing subscribers.
"""

# Giving consent: the sentence beside each sign-up box.
FOOTER_SIGNUP = (
    "E-mail me kēpos news, offers and new articles (about twice a month), and a "
    "reminder if I leave something in my basket. I can unsubscribe at any time with "
    "the link in every e-mail."
)
CHECKOUT_SIGNUP = (
    "Yes, e-mail me kēpos news, offers and new articles, and a reminder if I leave "
    "something in my basket. I can unsubscribe at any time."
)
ACCOUNT_SIGNUP = (
    "Subscribe me to kēpos news, offers and new articles by e-mail, with a reminder if "
    "I leave something in my basket. I can unsubscribe here or with the link in every e-mail."
)

# Confirming (double opt-in): the question on the page the e-mailed link opens.
CONFIRM_PAGE = (
    "Yes, subscribe me: send me kēpos news, offers and new articles by e-mail, and a "
    "reminder if I leave something in my basket."
)

# Withdrawing consent.
UNSUBSCRIBE_PAGE = (
    "Unsubscribe me: send me no more kēpos marketing e-mails (news, offers or basket reminders)."
)
ONE_CLICK_UNSUBSCRIBE = (
    "One-click unsubscribe from the person's mail program (List-Unsubscribe-Post); "
    "no page was shown."
)
ACCOUNT_UNSUBSCRIBE = (
    "Unsubscribe me from kēpos marketing e-mails (news, offers and basket reminders)."
)
STAFF_UNSUBSCRIBE = "Unsubscribed by kēpos staff because the person asked us to."
