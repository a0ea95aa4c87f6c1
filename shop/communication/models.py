"""Communication fork: Oscar's models unchanged; the fork exists for utils.Dispatcher."""

from oscar.apps.communication.models import *  # noqa: F403
