"""Offers dashboard fork: the restrictions step reports invalid dates and combinations
as form errors (Oscar's check raised KeyError, a 500)."""
