"""The trader's identity, read once per request wherever it is shown."""

from shop.core.memo import per_request
from shop.legal import seed
from shop.legal.models import TraderIdentity


def current_trader(request=None) -> TraderIdentity:
    """The trader row; the seeded values (unsaved) if a Manager has not got one yet."""
    return per_request(request, "legal:trader", _load)


def _load() -> TraderIdentity:
    return TraderIdentity.objects.filter(pk=1).first() or TraderIdentity(pk=1, **seed.TRADER)
