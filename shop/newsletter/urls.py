from django.urls import path

from shop.newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("signup/", views.SignupView.as_view(), name="signup"),
    path("confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
    path("preferences/", views.PreferencesView.as_view(), name="preferences"),
]
