"""Offer fork: range names are escaped where Oscar builds offer descriptions from them."""
