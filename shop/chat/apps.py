from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "shop.chat"
    label = "chat"
    verbose_name = "Live chat"
