"""Live chat: when it is staffed (opening hours per weekday on top of the business calendar)."""
