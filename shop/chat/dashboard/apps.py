"""Live chat's dashboard app, mounted at /dashboard/chat/ by the dashboard fork.

Permissions follow Oscar's scheme (``permissions_map`` per URL name), so the
dashboard's navigation shows "Live chat" only to roles that hold them:
Customer service and Managers.
"""

from django.urls import path
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class ChatDashboardConfig(OscarDashboardConfig):
    name = "shop.chat.dashboard"
    label = "chat_dashboard"
    verbose_name = "Live chat dashboard"
    default_permissions = ["is_staff"]

    def configure_permissions(self):
        permission = get_class("dashboard.permissions", "DashboardPermission").get
        read = permission("chat", "view_conversation")
        write = permission("chat", "view_conversation", "change_conversation")
        self.permissions_map = {
            "chat-inbox": read,
            "chat-conversation": read,
            "chat-conversation-poll": read,
            "chat-conversation-reply": write,
            "chat-conversation-assign": write,
            "chat-conversation-resolve": write,
            "chat-conversation-transcript": write,
            "chat-canned-list": permission("chat", "view_cannedreply"),
            "chat-canned-create": permission("chat", "view_cannedreply", "add_cannedreply"),
            "chat-canned-edit": permission("chat", "view_cannedreply", "change_cannedreply"),
            "chat-canned-delete": permission("chat", "view_cannedreply", "delete_cannedreply"),
            "chat-hours": permission("chat", "view_openinghours", "change_openinghours"),
        }

    def ready(self):
        self.configure_permissions()

    def get_urls(self):
        from shop.chat.dashboard import views

        urlpatterns = [
            path("", views.InboxView.as_view(), name="chat-inbox"),
            path("<int:pk>/", views.conversation_view, name="chat-conversation"),
            path("<int:pk>/poll/", views.poll, name="chat-conversation-poll"),
            path("<int:pk>/reply/", views.reply, name="chat-conversation-reply"),
            path("<int:pk>/assign/", views.assign, name="chat-conversation-assign"),
            path("<int:pk>/resolve/", views.resolve, name="chat-conversation-resolve"),
            path("<int:pk>/transcript/", views.transcript, name="chat-conversation-transcript"),
            path("canned/", views.CannedReplyListView.as_view(), name="chat-canned-list"),
            path(
                "canned/create/", views.CannedReplyCreateView.as_view(), name="chat-canned-create"
            ),
            path(
                "canned/<int:pk>/edit/",
                views.CannedReplyUpdateView.as_view(),
                name="chat-canned-edit",
            ),
            path(
                "canned/<int:pk>/delete/",
                views.CannedReplyDeleteView.as_view(),
                name="chat-canned-delete",
            ),
            path("hours/", views.opening_hours, name="chat-hours"),
        ]
        return self.post_process_urls(urlpatterns)
