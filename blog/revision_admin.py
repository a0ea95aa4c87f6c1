"""The revisions page of an editor in the admin: every save listed, two compared line by
line, any one restored. Shared by articles and landing pages (blog.revisions)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path

from blog import revisions


class RevisionsAdminMixin:
    """Adds ``<pk>/revisions/`` and ``<pk>/revisions/<revision_pk>/restore/``, named
    ``<app>_<model>_revisions`` and ``<app>_<model>_restore``."""

    def after_restore(self, obj) -> None:
        """Work a restore needs besides the rows (e.g. image renditions)."""

    def _url_name(self, suffix: str) -> str:
        opts = self.model._meta
        return f"{opts.app_label}_{opts.model_name}_{suffix}"

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/revisions/", wrap(self.revisions_view), name=self._url_name("revisions")
            ),
            path(
                "<int:pk>/revisions/<int:revision_pk>/restore/",
                wrap(self.restore_view),
                name=self._url_name("restore"),
            ),
            *super().get_urls(),
        ]

    def revisions_view(self, request, pk):
        obj = get_object_or_404(self.model, pk=pk)
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        kept = revisions.history(obj)
        older_pk, newer_pk = request.GET.get("older"), request.GET.get("newer")
        comparison = None
        if older_pk and newer_pk:
            older = get_object_or_404(kept, pk=older_pk)
            newer = get_object_or_404(kept, pk=newer_pk)
            comparison = revisions.compare(older, newer)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Revisions of “{obj}”",
            "original": obj,
            "history": list(kept),
            "comparison": comparison,
            "opts": self.model._meta,
            "can_restore": self.has_change_permission(request, obj),
        }
        return TemplateResponse(request, "admin/revisions.html", context)

    def restore_view(self, request, pk, revision_pk):
        obj = get_object_or_404(self.model, pk=pk)
        if request.method != "POST" or not self.has_change_permission(request, obj):
            raise PermissionDenied
        revision = get_object_or_404(revisions.history(obj), pk=revision_pk)
        restored = revisions.restore(revision, user=request.user)
        self.after_restore(restored)
        messages.success(
            request, f"“{obj}” is back as it was at {revision.created_at:%d %b %Y %H:%M}."
        )
        return redirect(f"admin:{self._url_name('change')}", obj.pk)
