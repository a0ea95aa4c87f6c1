"""A staff member's second factor: one authenticator app (TOTP) and ten recovery codes.

Secrets and codes live in django-otp's tables; a Manager removes a lost phone
by deleting the person's devices in the admin (OTP_TOTP > TOTP devices), after
which they enrol again at their next sign-in.
"""

import secrets
from base64 import b32encode
from binascii import unhexlify
from urllib.parse import quote, urlencode

import segno
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
ISSUER = "kēpos back office"


def needs_two_factor(user) -> bool:
    """Everyone who can open the dashboard or the admin."""
    return user.is_authenticated and (user.is_staff or user.has_perm("partner.dashboard_access"))


def new_secret() -> str:
    """A TOTP key as django-otp stores it: 20 random bytes, hex."""
    return secrets.token_hex(20)


def base32(secret_hex: str) -> str:
    return b32encode(unhexlify(secret_hex)).decode()


def provisioning_uri(user, secret_hex: str) -> str:
    label = quote(f"{ISSUER}:{user.email}")
    query = urlencode({"secret": base32(secret_hex), "issuer": ISSUER, "digits": 6, "period": 30})
    return f"otpauth://totp/{label}?{query}"


def qr_code(uri: str) -> str:
    """The enrolment QR code as an SVG data URI (img-src allows data:)."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


def code_matches(secret_hex: str, code: str) -> bool:
    """A code from the app being enrolled: this 30-second step or either neighbour."""
    return code.isdigit() and TOTP(unhexlify(secret_hex)).verify(int(code), tolerance=1)


@transaction.atomic
def enrol(user, secret_hex: str) -> tuple[TOTPDevice, list[str]]:
    """Replace the person's authenticator and recovery codes with new ones."""
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(
        user=user, name="Authenticator app", key=secret_hex, confirmed=True
    )
    return device, new_recovery_codes(user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Ten fresh single-use codes; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
