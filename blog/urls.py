from django.urls import path

from blog import views

app_name = "blog"
urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("category/<slug:slug>/", views.CategoryArticleListView.as_view(), name="category"),
    path("tag/<slug:slug>/", views.TagArticleListView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
]
