"""No models. The module exists because Django sends post_migrate only to apps that
have one, and this app creates the database cache's table after each migrate."""
