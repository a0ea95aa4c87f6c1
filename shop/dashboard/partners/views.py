"""Linking a user to a partner grants them the order dashboard: only a POST does it."""

from oscar.apps.dashboard.partners import views as oscar_views

from shop.core.http import PostOnlyMixin


class PartnerUserLinkView(PostOnlyMixin, oscar_views.PartnerUserLinkView):
    pass
