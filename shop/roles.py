"""Staff roles: one table, in code, synced to auth groups after every migrate.

Order staff: orders, dispatch, stock, customers' order details
    (not blog, FAQ, offers, chats).
Customer service: chats, customers' order status (read), FAQ (read), subscriptions
    (skip, pause, cancel with a note), cancellation requests, privacy requests (not blog
    edits, offers, stock, revenue figures).
Marketing: blog, FAQ, offers, vouchers, subscription offers, product copy and images,
    newsletter subscribers (read, export, unsubscribe on request) (not orders, customers,
    chats, revenue figures).
Managers: everything.

A data migration cannot grant permissions for models created in the same
``migrate`` run (Permission rows appear on ``post_migrate``), so the table is
applied by ``sync_roles`` on ``post_migrate``: a fresh database and an
upgraded one end up the same, and running it twice changes nothing.
Staff belong to groups; only people outside the roles (developers) are
superusers.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS, transaction

ORDER_STAFF = "Order staff"
CUSTOMER_SERVICE = "Customer service"
MARKETING = "Marketing"
MANAGERS = "Managers"


def _crud(*models: str) -> set[str]:
    """view/add/change/delete permissions for "app.model" names."""
    return {
        f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
        for model in models
        for action in ("view", "add", "change", "delete")
    }


ROLES: dict[str, set[str] | None] = {
    ORDER_STAFF: {
        "order.view_order",
        "order.change_order",
        "partner.view_stockrecord",
        "partner.change_stockrecord",
        "partner.view_stockalert",
        "partner.change_stockalert",
        "catalogue.view_product",
        "shipping.view_orderanditemcharges",
        *_crud("workdays.closure"),
    },
    CUSTOMER_SERVICE: {
        "order.view_order",
        "auth.view_user",
        # Sign-in locks (django-axes): see who is locked and lift a lock.
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "faq.view_faqentry",
        "faq.view_faqcategory",
        "chat.view_conversation",
        "chat.change_conversation",
        "chat.view_message",
        "chat.add_message",
        "chat.view_openinghours",
        "chat.change_openinghours",
        # Subscriptions: find them, and skip, pause or cancel on a customer's behalf.
        "subscriptions.view_subscription",
        "subscriptions.manage_subscription",
        # Cancellation notices from shoppers (shop/legal): read them, record what was done.
        "legal.view_cancellationrequest",
        "legal.handle_cancellationrequest",
        # Data-protection requests made by e-mail: export or erase a person (shop/privacy).
        "privacy.view_privacyrequest",
        "privacy.handle_privacy_request",
        *_crud("chat.cannedreply"),
    },
    MARKETING: {
        *_crud(
            "catalogue.product",
            "catalogue.productimage",
            "catalogue.productcategory",
            "catalogue.productrecommendation",
            "labelling.nutritiondeclaration",
            "labelling.supplementfacts",
            "labelling.supplementingredient",
            "catalogue.category",
            "catalogue.option",
            "catalogue.attributeoptiongroup",
            "catalogue.attributeoption",
            "offer.conditionaloffer",
            "offer.range",
            "offer.rangeproduct",
            "offer.condition",
            "offer.benefit",
            "voucher.voucher",
            "voucher.voucherset",
            "flatpages.flatpage",
            "reviews.productreview",
            "storefront.storepromise",
            "subscriptions.subscriptionoffer",
            "blog.article",
            "blog.author",
            "blog.category",
            "blog.tag",
            "blog.keytakeaway",
            "blog.section",
            "blog.reference",
            "blog.articlefaq",
            "blog.articleproduct",
            "faq.faqentry",
            "faq.faqcategory",
            "landing.landingpage",
            "landing.block",
        ),
        # Newsletter (shop/newsletter): read subscribers and their consent, export CSV,
        # and unsubscribe someone who asks us to (recorded as a staff withdrawal).
        "newsletter.view_subscriber",
        "newsletter.view_consentrecord",
        "newsletter.export_subscribers",
        "newsletter.change_subscriber",
        "catalogue.view_productclass",
        "blog.view_revision",
        "blog.view_blogsettings",
        "blog.change_blogsettings",
        # Claims checks (shop/claims): read the lists and sign-offs; Managers edit the
        # lists and sign off.
        "claims.view_claimrule",
        "claims.view_authorisedclaim",
        "claims.view_claimsignoff",
    },
    MANAGERS: None,  # None: every permission there is, including future ones
}


def permissions_for(role: str, using: str = DEFAULT_DB_ALIAS):
    codes = ROLES[role]
    permissions = Permission.objects.using(using).select_related("content_type")
    if codes is None:
        return list(permissions)
    by_code = {f"{p.content_type.app_label}.{p.codename}": p for p in permissions}
    missing = sorted(codes - by_code.keys())
    if missing:
        raise LookupError(f"Role {role!r} names permissions that do not exist: {missing}")
    return [by_code[code] for code in sorted(codes)]


@transaction.atomic
def sync_roles(using: str = DEFAULT_DB_ALIAS) -> None:
    """Make each role's group hold exactly the permissions in ROLES."""
    for role in ROLES:
        group, _ = Group.objects.using(using).get_or_create(name=role)
        group.permissions.set(permissions_for(role, using))


def sync_roles_after_migrate(sender, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """post_migrate receiver: create every app's permissions, then sync the roles."""
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_roles(using)


def roles_of(user) -> list[str]:
    return sorted(name for name in user.groups.values_list("name", flat=True) if name in ROLES)


def make_staff(user, *roles: str) -> None:
    """Give a user staff access with the given roles (and nothing else)."""
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.groups.set(Group.objects.filter(name__in=roles))
