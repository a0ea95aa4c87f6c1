from django.urls import path

from shop.legal import views

app_name = "legal"

urlpatterns = [
    path("cookies/choice/", views.cookie_choice, name="cookie-choice"),
    path(
        "cancellation-form/",
        views.ModelCancellationFormView.as_view(),
        name="model-cancellation-form",
    ),
    path("orders/<str:number>/cancel/", views.CancelOrderView.as_view(), name="cancel-order"),
    path("<slug:slug>/", views.LegalPageView.as_view(), name="page"),
]
