"""Records staff changes to orders, prices, stock, roles and users.

Model signals see every save and delete, whichever screen (dashboard, admin,
our own services) made it; the middleware says who is acting. Changes made
by customers (checkout) and by scheduled jobs are not staff changes and are
not recorded. Before a tracked save, the stored values are read once, so each
entry holds what a field was and what it became.
"""

import contextvars
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from oscar.core.loading import get_model

_request = contextvars.ContextVar("audit_request", default=None)

# model label -> fields whose changes are recorded
TRACKED = {
    "order.order": ["status", "guest_email", "total_incl_tax", "shipping_address_id"],
    "order.line": ["status", "quantity"],
    "order.shippingaddress": [
        "first_name",
        "last_name",
        "line1",
        "line2",
        "line3",
        "line4",
        "state",
        "postcode",
        "phone_number",
    ],
    "partner.stockrecord": [
        "price",
        "num_in_stock",
        "num_allocated",
        "low_stock_threshold",
        "partner_sku",
    ],
    "auth.user": [
        "email",
        "first_name",
        "last_name",
        "is_active",
        "is_staff",
        "is_superuser",
        "password",
    ],
    "auth.group": ["name"],
}
SECRET_FIELDS = {"password"}


@contextmanager
def acting(request):
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


def _staff_request():
    request = _request.get()
    user = getattr(request, "user", None)
    if request is not None and user is not None and user.is_authenticated and user.is_staff:
        return request
    return None


def _label(instance) -> str:
    return instance._meta.label_lower


def _text(value) -> str | None:
    return None if value is None else str(value)


def _describe(instance) -> str:
    """How staff recognise the thing: a person by e-mail, an order by number."""
    if isinstance(instance, get_user_model()):
        return instance.email or instance.get_username()
    return str(instance)


def _record(instance, action: str, changes: dict) -> None:
    from shop.audit.models import AuditEntry
    from shop.core.ratelimit import client_address

    request = _staff_request()
    AuditEntry.objects.create(
        actor=request.user,
        actor_email=_describe(request.user),
        action=action,
        model=_label(instance),
        object_id=str(instance.pk),
        object_repr=_describe(instance)[:200],
        changes=changes,
        path=request.path[:255],
        ip_address=client_address(request),
    )


def _before(sender, instance, raw=False, **kwargs):
    if raw or _staff_request() is None or instance.pk is None:
        instance._audit_before = None
        return
    fields = TRACKED[_label(instance)]
    stored = sender._default_manager.filter(pk=instance.pk).values(*fields).first()
    instance._audit_before = stored


def _after(sender, instance, created, raw=False, **kwargs):
    if raw or _staff_request() is None:
        return
    fields = TRACKED[_label(instance)]
    before = getattr(instance, "_audit_before", None) or {}
    changes = {}
    for name in fields:
        old, new = before.get(name), getattr(instance, name)
        if created or _text(old) != _text(new):
            if name in SECRET_FIELDS:
                changes[name] = ["(set)" if created else "(changed)", ""]
            elif created:
                if new not in (None, ""):
                    changes[name] = [None, _text(new)]
            else:
                changes[name] = [_text(old), _text(new)]
    if changes or created:
        _record(instance, "created" if created else "changed", changes)


def _deleted(sender, instance, **kwargs):
    if _staff_request() is None:
        return
    fields = TRACKED[_label(instance)]
    changes = {
        name: [_text(getattr(instance, name)), None]
        for name in fields
        if name not in SECRET_FIELDS and getattr(instance, name) not in (None, "")
    }
    _record(instance, "deleted", changes)


def _relations_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Roles (groups) of a user, permissions of a user or a role."""
    if _staff_request() is None or action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # e.g. group.user_set.add(user): record it on each user
        for pk in pk_set or ():
            target = instance._meta.model  # the group
            _relations_changed(
                sender,
                model._default_manager.get(pk=pk),
                action,
                False,
                target,
                {instance.pk},
            )
        return
    field = next(f.name for f in instance._meta.many_to_many if f.remote_field.through is sender)
    names = sorted(str(obj) for obj in model._default_manager.filter(pk__in=pk_set or ()))
    change = {
        "post_add": [None, ", ".join(names)],
        "post_remove": [", ".join(names), None],
        "post_clear": ["(all)", None],
    }[action]
    _record(instance, "changed", {field: change})


def tracked_models():
    User = get_user_model()
    return [
        get_model("order", "Order"),
        get_model("order", "Line"),
        get_model("order", "ShippingAddress"),
        get_model("partner", "StockRecord"),
        User,
        Group,
    ]


def connect() -> None:
    for model in tracked_models():
        uid = f"audit:{model._meta.label_lower}"
        pre_save.connect(_before, sender=model, dispatch_uid=f"{uid}:before")
        post_save.connect(_after, sender=model, dispatch_uid=f"{uid}:after")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}:deleted")
    User = get_user_model()
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(_relations_changed, sender=through, dispatch_uid=f"audit:{through}")
