from django.urls import path

from shop.subscriptions import views

app_name = "subscriptions"

urlpatterns = [
    path("", views.SubscriptionListView.as_view(), name="list"),
    path("<int:pk>/", views.SubscriptionDetailView.as_view(), name="detail"),
    path("<int:pk>/skip/", views.ActionView.as_view(action="skip"), name="skip"),
    path("<int:pk>/pause/", views.ActionView.as_view(action="pause"), name="pause"),
    path("<int:pk>/resume/", views.ActionView.as_view(action="resume"), name="resume"),
    path("<int:pk>/cancel/", views.ActionView.as_view(action="cancel"), name="cancel"),
    path("<int:pk>/change/", views.ChangeView.as_view(), name="change"),
    path("<int:pk>/address/", views.AddressView.as_view(), name="address"),
    path("<int:pk>/card/", views.CardView.as_view(), name="card"),
    path("<int:pk>/card/return/", views.CardReturnView.as_view(), name="card-return"),
    path("<int:pk>/pay/", views.PayView.as_view(), name="pay"),
    path("<int:pk>/pay/return/", views.PayReturnView.as_view(), name="pay-return"),
    path("email/skip/<str:token>/", views.EmailLinkView.as_view(action="skip"), name="email-skip"),
    path(
        "email/cancel/<str:token>/",
        views.EmailLinkView.as_view(action="cancel"),
        name="email-cancel",
    ),
]
