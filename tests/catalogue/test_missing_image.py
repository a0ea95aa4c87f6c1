"""The placeholder image survives two requests creating its link at once."""

import os

import pytest
from django.core.exceptions import ImproperlyConfigured

from shop.catalogue.models import RaceSafeMissingProductImage


def test_losing_the_race_to_link_the_placeholder_is_not_an_error(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = str(tmp_path)
    real_symlink = os.symlink

    def another_request_won(source, target):
        real_symlink(source, target)  # the other request links it first...
        raise FileExistsError(target)  # ...so ours finds it there

    monkeypatch.setattr(os, "symlink", another_request_won)

    image = RaceSafeMissingProductImage()

    assert (tmp_path / image.name).exists()


def test_a_real_failure_to_link_is_still_reported(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = str(tmp_path)

    def read_only(source, target):
        raise PermissionError(target)

    monkeypatch.setattr(os, "symlink", read_only)

    with pytest.raises(ImproperlyConfigured):
        RaceSafeMissingProductImage()
