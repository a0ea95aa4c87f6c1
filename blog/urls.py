from django.urls import path

from blog import feeds, views

app_name = "blog"
urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("feed/", feeds.ArticlesFeed(), name="feed-rss"),
    path("feed/atom/", feeds.ArticlesAtomFeed(), name="feed-atom"),
    path("category/<slug:slug>/", views.CategoryArticleListView.as_view(), name="category"),
    path("category/<slug:slug>/feed/", feeds.CategoryFeed(), name="category-feed-rss"),
    path("category/<slug:slug>/feed/atom/", feeds.CategoryAtomFeed(), name="category-feed-atom"),
    path("tag/<slug:slug>/", views.TagArticleListView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
]
