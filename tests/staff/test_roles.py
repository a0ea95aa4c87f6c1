"""The role table is applied to auth groups, exactly and idempotently."""

import pytest
from django.contrib.auth.models import Group, Permission

from shop import roles

pytestmark = pytest.mark.django_db


def group_permissions() -> dict[str, set[str]]:
    return {
        group.name: {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        for group in Group.objects.prefetch_related("permissions__content_type")
    }


def test_migrate_leaves_every_role_with_exactly_its_permissions():
    groups = group_permissions()

    for role, codes in roles.ROLES.items():
        if codes is None:
            assert len(groups[role]) == Permission.objects.count()
        else:
            assert groups[role] == codes


def test_syncing_twice_changes_nothing():
    roles.sync_roles()
    before = group_permissions()

    roles.sync_roles()

    assert group_permissions() == before


def test_an_upgraded_database_converges_on_the_table():
    marketing = Group.objects.get(name=roles.MARKETING)
    marketing.permissions.add(Permission.objects.get(codename="view_order"))  # granted by hand
    Group.objects.get(name=roles.ORDER_STAFF).permissions.clear()  # an old, emptier version

    roles.sync_roles()

    groups = group_permissions()
    assert "order.view_order" not in groups[roles.MARKETING]
    assert groups[roles.ORDER_STAFF] == roles.ROLES[roles.ORDER_STAFF]


def test_a_role_naming_a_permission_that_does_not_exist_fails_loudly(monkeypatch):
    monkeypatch.setitem(roles.ROLES, roles.MARKETING, {"blog.publish_everything"})

    with pytest.raises(LookupError, match="blog.publish_everything"):
        roles.sync_roles()


@pytest.mark.parametrize(
    ("role", "forbidden_apps"),
    [
        (roles.ORDER_STAFF, {"offer", "voucher", "flatpages", "reviews"}),
        (roles.CUSTOMER_SERVICE, {"offer", "voucher", "partner", "catalogue"}),
        (roles.MARKETING, {"order", "auth", "analytics", "partner"}),
    ],
)
def test_roles_hold_nothing_in_the_areas_the_design_forbids(role, forbidden_apps):
    held_apps = {code.split(".")[0] for code in group_permissions()[role]}

    assert not held_apps & forbidden_apps
    assert "order.view_sales_figures" not in group_permissions()[role]
