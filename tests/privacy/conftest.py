import pytest

from tests.privacy import helpers


@pytest.fixture
def items():
    return helpers.products()


@pytest.fixture
def sam(items):
    return helpers.customer(helpers.SAM, items=items)


@pytest.fixture
def ada(items):
    return helpers.customer(helpers.ADA, orders=2, start=200001, items=items)
