"""How staff are named in chats: full name, else e-mail, else "Staff" (an account since deleted)."""

from django import template

register = template.Library()


@register.filter
def staff_name(user) -> str:
    if user is None:
        return "Staff"
    return user.get_full_name() or user.email or "Staff"
