from django.urls import path

from shop.chat import views

app_name = "chat"
urlpatterns = [
    path("", views.chat, name="index"),
    path("start/", views.start, name="start"),
    path("suggestions/", views.suggestions, name="suggestions"),
    path("<uuid:public_id>/send/", views.send, name="send"),
    path("<uuid:public_id>/poll/", views.poll, name="poll"),
    path("<uuid:public_id>/transcript/", views.transcript, name="transcript"),
]
