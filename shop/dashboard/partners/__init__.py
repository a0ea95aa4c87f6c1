"""Partners dashboard fork: linking a user to a partner (which opens every order to
them) is a POST only; Oscar also did it on GET for its "Undo" link."""
