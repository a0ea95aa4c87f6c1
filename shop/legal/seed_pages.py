# ruff: noqa: E501 (prose, one paragraph per line)
"""The first wording of each legal page: demonstration text, written in-house and
marked for the owner's review. The live values (the trader's details, the cookie
inventory, the exceptions per product type, retention periods) are not written
here: the page templates add them from data, so the text cannot fall behind."""

TERMS = """
<p>These terms apply when you buy from this website. Please read them before you place an order; by placing an order you accept the version shown on the review and pay page, and we record which version that was with your order. Our company details are at the foot of this page.</p>
<h2>Our products</h2>
<p>We sell food supplements, kefir drinks, kefir cultures and kit for making kefir at home, to customers in the United Kingdom. Pictures are illustrations; the label on the product you receive is the one to follow. Food supplements are not a substitute for a varied, balanced diet and a healthy lifestyle, and nothing on this site is medical advice.</p>
<h2>Prices and payment</h2>
<p>Prices are in pounds sterling and include VAT where it applies. The delivery charge is shown in your basket and again before you pay. We take payment when you place your order. If we have made an obvious pricing mistake we will tell you before we send anything and you may cancel for a full refund.</p>
<h2>When the contract is made</h2>
<p>The contract is made when we e-mail to confirm your order. If we cannot supply an item (for example it has sold out since you ordered) we will tell you and refund you in full for it.</p>
<h2>Delivery</h2>
<p>Delivery is explained in our delivery terms. The goods are your responsibility from the time they are delivered to you or to someone you named.</p>
<h2>Your right to cancel</h2>
<p>Most items can be cancelled within 14 days of delivery, for any reason. Some of our products are exceptions, because they spoil quickly or because they are sealed for hygiene reasons. Our returns and cancellation page explains which, and how to cancel.</p>
<h2>If something is wrong</h2>
<p>Your rights under the Consumer Rights Act 2015 are not affected by these terms: goods must be as described, fit for purpose and of satisfactory quality. If an item arrives damaged, spoiled or is not what you ordered, contact us and we will replace or refund it, and pay for the return.</p>
<h2>Our responsibility to you</h2>
<p>We are responsible for loss or damage you suffer that is a foreseeable result of our breaking these terms or failing to use reasonable care. We do not exclude liability where it would be unlawful to do so, including for death or personal injury caused by our negligence.</p>
<h2>Complaints and the law</h2>
<p>Please tell us first: by live chat, e-mail or phone. These terms are governed by the law of England and Wales; if you live in Scotland or Northern Ireland you may also bring proceedings there.</p>
"""

DELIVERY = """
<p>We deliver to addresses in the United Kingdom. The methods, charges and free-delivery threshold in force today are shown on our delivery information page and in your basket before you pay.</p>
<h2>When your order arrives</h2>
<p>Orders placed before the day's cut-off time on a working day are dispatched that day. The review and pay page shows the dispatch date and the dates your order should arrive, and the confirmation e-mail repeats them. Kefir drinks travel chilled and are not sent to arrive at weekends.</p>
<h2>Addresses we cannot reach quickly</h2>
<p>Some methods do not reach the Scottish Highlands and Islands or Northern Ireland, or cost more there; checkout says so before you pay. We cannot deliver to the Channel Islands or the Isle of Man.</p>
<h2>If a delivery fails or is late</h2>
<p>If the courier cannot deliver, they will leave a card telling you how to rearrange. If your order has not arrived by the latest date we gave you, contact us: we will trace it and, if it is lost, send a replacement or refund you.</p>
<h2>Chilled goods</h2>
<p>Please put kefir in the fridge as soon as it arrives. If a parcel of chilled goods is left uncollected for more than a day, the contents may not be safe to drink; contact us and we will help.</p>
"""

RETURNS = """
<p>You can change your mind about most things you buy from us. This page explains your right to cancel under the Consumer Contracts Regulations 2013, the items it does not apply to, and how refunds work.</p>
<h2>The 14-day right to cancel</h2>
<p>You may cancel your order, or part of it, without giving a reason, from the moment you place it until 14 days after the day you (or someone you named) receive the goods. If your order arrives in several parcels, the 14 days run from the last one.</p>
<h2>Items that cannot be cancelled</h2>
<p>The law makes exceptions, listed below for each kind of product we sell: goods that spoil or go out of date quickly (our kefir drinks and live cultures) cannot be cancelled once delivered, and sealed goods that are not suitable for return for health or hygiene reasons (our food supplements) can be cancelled only while the seal is unbroken. These exceptions never limit your rights if an item is faulty, damaged or not as described.</p>
<h2>How to cancel</h2>
<p>Use the cancellation button on your order page (or find your order with its number and your e-mail address), fill in the model cancellation form and e-mail or post it to us, or tell us clearly in any other way. We will confirm by e-mail that we have received your request.</p>
<h2>Returning the goods</h2>
<p>Please send the goods back within 14 days of telling us you are cancelling. Unless the item is faulty, you pay for the return postage. Keep proof of postage.</p>
<h2>Your refund</h2>
<p>We refund the price of the cancelled items and, if you cancel the whole order, the delivery charge up to the cost of our standard delivery (if you chose a faster, more expensive method, the difference is not refunded). We refund to the card you paid with, within 14 days of receiving the goods back or of your proof of sending them, whichever is sooner; if we have not yet sent the goods, within 14 days of your request. We may reduce a refund if the goods were handled more than was needed to see what they are and how they work.</p>
"""

PRIVACY = """
<p>This notice explains what personal information we collect when you shop, chat or sign up with us, why, who sees it, how long we keep it and your rights. We are the controller of this information; our details are at the foot of this page.</p>
<h2>What we collect and why</h2>
<ul>
<li><p><strong>Orders</strong>: your name, delivery and billing addresses, e-mail address, phone number and what you bought, to deliver your order and handle returns (lawful basis: performing our contract with you), and to keep the accounting records the law requires (legal obligation).</p></li>
<li><p><strong>Your account</strong>: your name, e-mail address, password (stored only as a secure hash), saved addresses, wish lists, stock alerts and reviews, to provide the account you asked for (contract).</p></li>
<li><p><strong>Subscriptions</strong>: your delivery rhythm, address and a reference to your saved card held by our payment provider, to deliver and charge each delivery you agreed to (contract).</p></li>
<li><p><strong>Live chat and messages</strong>: your name, e-mail address and the conversation, to answer you (legitimate interest in helping customers; contract where it is about an order). People sometimes share health details: please share only what we need to help you.</p></li>
<li><p><strong>Newsletter</strong>: your e-mail address and a record of when and how you agreed, only if you sign up and confirm (consent). You can unsubscribe with one click in any e-mail.</p></li>
<li><p><strong>Security</strong>: the internet address and sign-in attempts of visitors, to stop fraud and attacks on accounts (legitimate interest).</p></li>
</ul>
<h2>Who we share it with</h2>
<p>Our payment provider (Stripe) to take card payments and prevent fraud; our courier, to deliver your parcel (name, address, phone); our hosting and e-mail providers, who process it only on our instructions. We never sell your information. If our providers process data outside the UK, they do so under the safeguards UK law requires.</p>
<h2>Card details</h2>
<p>Card numbers go straight to our payment provider. We keep only the card's brand and last four digits.</p>
<h2>Your rights</h2>
<p>You can see, download, correct or delete your information. Signed-in customers can download their data and delete their account from the Privacy page of their account; anyone can ask us by e-mail. When an account is deleted, orders stay in our records for the period tax law requires, with your name, e-mail, phone and addresses removed. You may object to processing based on our legitimate interests, and withdraw consent at any time. If you are unhappy with how we handle your information, you can complain to the Information Commissioner's Office (ico.org.uk).</p>
"""

COOKIES = """
<p>Cookies are small files a website asks your browser to keep; browser storage does a similar job inside the page. We use as few as we can. The table below lists every cookie and storage key this website can set, and whether it is strictly necessary.</p>
<h2>Strictly necessary</h2>
<p>These make things you ask for work: your basket, signing in, paying, and remembering your cookie choice. They are set without asking, as the law allows.</p>
<h2>Optional</h2>
<p>These are set only if you accept optional cookies. Today the only one remembers the products you looked at recently. If you reject them, nothing optional is set, and the shop works the same.</p>
<h2>Changing your mind</h2>
<p>You can change your choice at any time with the buttons on this page or the "Cookie settings" link at the foot of every page.</p>
"""

SUBSCRIPTIONS = """
<p>These terms add to our terms of sale when you choose "Subscribe &amp; save" for a product.</p>
<h2>What you agree to</h2>
<p>We deliver the product you chose at the rhythm you chose (for example every 4 weeks) at the saving shown when you subscribed, and charge the card you saved for each delivery, plus delivery at our rates on the day of each delivery. Your first delivery is paid when you place the order.</p>
<h2>Reminders and changes</h2>
<p>We e-mail you a few days before each charge, with links to skip that delivery or cancel. In your account you can skip, pause, change the rhythm, quantity, address or card, or cancel, at any time, in a few clicks. If our price changes, we tell you before the next charge at the new price.</p>
<h2>If a payment fails</h2>
<p>If your card is declined we tell you, try again a few days later, and pause the subscription after the last attempt; nothing more is charged until you resume it. If your bank asks you to confirm a payment, we e-mail you a link to do so.</p>
<h2>Cancelling</h2>
<p>You can cancel at any time; deliveries already charged are sent. You also have the right to cancel within 14 days of receiving your first delivery, as for any order, subject to the exceptions on our returns and cancellation page.</p>
"""

# (kind, slug, title, summary, body)
REVIEWS = """
<p>Reviews on this website are written by customers who bought what they review. This page explains how we collect them, what we check before one appears, and what we never do.</p>
<h2>Who can write a review</h2>
<p>You can review a product once an order of it has reached you: when we have marked the order delivered, or when the latest delivery date we gave you has passed. You need to be signed in to your account, and you can review each product once. Every review written this way is shown with the words "Verified buyer".</p>
<h2>How we ask</h2>
<p>The e-mail telling you that your order is on its way includes a link to review what you bought. If you have agreed to hear from us by e-mail, we may also send one reminder after delivery. We do not pay for reviews, offer discounts for them, or ask only the customers we expect to be pleased.</p>
<h2>What we check before a review appears</h2>
<p>Someone on our team reads every review before it is published. We publish reviews whether they are positive or negative. We only hold back a review that contains personal details, offensive or unlawful content, advertising, or claims that a product treats or cures an illness (which the law does not allow us to publish about food), or that is not about the product; where we can, we tell the writer why.</p>
<h2>Star ratings</h2>
<p>The star rating beside a product, and the rating we give to search engines, is the average of the published reviews from verified buyers. We do not edit reviews, and we do not remove a review because it is critical.</p>
<h2>Questions or concerns</h2>
<p>If you think a review breaks these rules, or you want your own review removed, contact us and we will look at it.</p>
"""

PAGES = [
    ("terms", "terms", "Terms of sale", "The terms on which we sell to you.", TERMS),
    (
        "delivery",
        "delivery-terms",
        "Delivery terms",
        "Where and when we deliver, and what happens if a delivery goes wrong.",
        DELIVERY,
    ),
    (
        "returns",
        "returns",
        "Returns and cancellation",
        "Your 14-day right to cancel, the items it does not cover, and refunds.",
        RETURNS,
    ),
    (
        "privacy",
        "privacy",
        "Privacy notice",
        "What personal information we keep, why, who sees it, for how long, and your rights.",
        PRIVACY,
    ),
    (
        "cookies",
        "cookies",
        "Cookie notice",
        "Every cookie and storage key this website can set, and your choice.",
        COOKIES,
    ),
    (
        "subscriptions",
        "subscription-terms",
        "Subscription terms",
        "How Subscribe & save works: deliveries, charges, reminders and cancelling.",
        SUBSCRIPTIONS,
    ),
    (
        "reviews",
        "review-policy",
        "Review policy",
        "How we collect and moderate reviews: verified buyers only, critical reviews included.",
        REVIEWS,
    ),
]
