"""No models. The module exists so Django sends this app ``post_migrate``, which syncs the roles."""
