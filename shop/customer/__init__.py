"""Customer fork: account views that change data answer only POST, and bad ids are 404."""
