"""First sign-in of imported people: activation codes and activation links.

A person HR imported has no password (``set_unusable_password``). They activate their account
either from a link e-mailed to them (a token in Django's password-reset style, its own salt and
lifetime, dead once the password is set) or, without an e-mail address, with the employee code
and a one-time code HR printed for them.

Codes are ten characters from an alphabet without the look-alikes 0/O, 1/I/L, grouped for typing
from paper ("ABCD-EFGH-JK"), made with :mod:`secrets`. Only a keyed hash is stored: HMAC-SHA256
with ``SECRET_KEY`` (tried with ``SECRET_KEY_FALLBACKS`` too), over the person's id and the code;
a sheet of 500 codes hashes in milliseconds, where a password hasher would take minutes.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from home.links import absolute_url

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10
CODE_GROUPS = (4, 4, 2)
_HASH_SALT = "learners.activation.code"

ACTIVATION_REFUSED = _(
    "Chưa kích hoạt được tài khoản. Hãy kiểm tra lại mã số công chức, viên chức và mã kích "
    "hoạt (mã trên phiếu, không phân biệt chữ hoa, chữ thường). Nếu mã đã hết hạn hoặc đã dùng, "
    "hãy nhờ cán bộ tổ chức của cơ quan, đơn vị bạn cấp mã mới."
)


def code_days() -> int:
    """How long a printed code works (``settings.ACTIVATION_CODE_DAYS``, 30 by default)."""
    return int(getattr(settings, "ACTIVATION_CODE_DAYS", 30))


def link_days() -> int:
    """How long an e-mailed link works (``settings.ACTIVATION_LINK_DAYS``, 7 by default)."""
    return int(getattr(settings, "ACTIVATION_LINK_DAYS", 7))


def code_expiry(now):
    return now + timedelta(days=code_days())


def code_generate() -> str:
    """A new code, in clear and without separators."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def code_format(code: str) -> str:
    """ "ABCDEFGHJK" → "ABCD-EFGH-JK"."""
    parts, start = [], 0
    for size in CODE_GROUPS:
        parts.append(code[start : start + size])
        start += size
    return "-".join(part for part in parts if part)


def code_normalise(typed: str) -> str:
    """What a person typed, as the code: upper case, without spaces and dashes."""
    return "".join(ch for ch in (typed or "").upper() if ch.isalnum())


def code_hash(*, user_id: int, code: str, secret: str | None = None) -> str:
    return salted_hmac(
        _HASH_SALT, f"{user_id}:{code}", secret=secret or settings.SECRET_KEY, algorithm="sha256"
    ).hexdigest()


def code_matches(*, user_id: int, code: str, stored: str) -> bool:
    secrets_ = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(
        constant_time_compare(code_hash(user_id=user_id, code=code, secret=secret), stored)
        for secret in secrets_
    )


def activation_page_url() -> str:
    """The absolute address of the public "Kích hoạt tài khoản" page (printed on the sheet)."""
    return absolute_url(reverse("activation"))


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    """Django's reset tokens with their own salt and lifetime (``link_days()``). The hash covers
    the password and the last sign-in, so a link stops working once it has been used."""

    key_salt = "learners.activation.ActivationTokenGenerator"

    def check_token(self, user, token):
        if not (user and token):
            return False
        try:
            ts = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        return self._num_seconds(self._now()) - ts <= link_days() * 24 * 60 * 60


activation_token_generator = ActivationTokenGenerator()


def activation_link(user) -> str:
    """The absolute one-time activation address for ``user``."""
    path = reverse(
        "activation_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": activation_token_generator.make_token(user),
        },
    )
    return absolute_url(path)
