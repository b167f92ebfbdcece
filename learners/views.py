"""Sign-in, password and profile pages for people."""

import logging
import time

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, user_login_failed
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView
from wagtail.log_actions import log

from home import ratelimit
from home.net import client_ip

from .activation import ACTIVATION_REFUSED, activation_token_generator
from .audit import ACTIVATION_USE_LOG_ACTION
from .forms import (
    ActivationCodeForm,
    ActivationPasswordForm,
    ContactForm,
    LimitedPasswordChangeForm,
    LoginForm,
    PasswordResetRequestForm,
)
from .models import User
from .selectors import agency_chain_name
from .services import activation_code_check, activation_code_redeem, user_update_contact

PROFILE_UPDATED = _("Đã cập nhật thông tin liên hệ.")
PROFILE_NOT_SAVED = _("Chưa lưu được thông tin liên hệ. Hãy sửa các lỗi bên dưới.")
LOGGED_OUT = _("Bạn đã đăng xuất.")
ACTIVATED = _("Tài khoản của bạn đã được kích hoạt. Lần sau, hãy đăng nhập bằng mật khẩu vừa chọn.")
ACTIVATION_STEP_EXPIRED = _(
    "Phiên kích hoạt đã hết hạn hoặc mã không còn dùng được. Hãy nhập lại mã số và mã kích hoạt."
)
# The activation code checked on the first step, kept until the password is chosen.
ACTIVATION_SESSION_KEY = "learners_activation"
ACTIVATION_STEP_SECONDS = 30 * 60
ACTIVATION_BACKEND = "learners.backends.UsernameOrEmployeeCodeBackend"

logger = logging.getLogger(__name__)


class LoginView(auth_views.LoginView):
    """Django's sign-in view; it only follows a ``next`` URL on this site."""

    template_name = "learners/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Django's sign-out view (POST only), with a message on the next page."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, LOGGED_OUT)
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change, with wrong current passwords limited per account."""

    template_name = "learners/password_change_form.html"
    form_class = LimitedPasswordChangeForm


class PasswordResetView(auth_views.PasswordResetView):
    """Send a reset link to the address a person gives, if an active account has it.

    Requests are limited per client address and per e-mail address typed
    (``RATE_LIMITS["password_reset_ip"]`` and ``["password_reset_email"]``). Past a limit no
    e-mail is sent, but the answer is the same "check your mailbox" page as always, so that it
    tells nothing about which addresses have an account.
    """

    template_name = "learners/password_reset_form.html"
    email_template_name = "learners/emails/password_reset_email.txt"
    subject_template_name = "learners/emails/password_reset_subject.txt"
    form_class = PasswordResetRequestForm

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().casefold()
        address = client_ip(self.request)
        over = [
            scope
            for scope, ident in (("password_reset_ip", address), ("password_reset_email", email))
            if ratelimit.hit(scope, ident) > ratelimit.rate(scope)[0]
        ]
        if over:
            logger.warning("Password reset not sent: %s passed (%s)", ", ".join(over), address)
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)

    @property
    def extra_email_context(self):
        return {
            "site_name": settings.WAGTAIL_SITE_NAME,
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
        }


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """A person's own details; only the e-mail address and phone number can be changed here."""
    user = request.user
    if request.method == "POST":
        form = ContactForm(request.POST, user=user)
        if form.is_valid():
            try:
                user_update_contact(user=user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, PROFILE_UPDATED)
                return redirect("profile")
    else:
        form = ContactForm(initial={"email": user.email, "phone": user.phone}, user=user)
    context = {
        "form": form,
        "profile_user": user,
        "agency_name": agency_chain_name(agency=user.agency) if user.agency_id else "",
        "form_error": PROFILE_NOT_SAVED if form.errors else "",
    }
    return render(request, "learners/profile.html", context)


def _activation_limited(request, employee_code: str) -> bool:
    """Count an attempt per address and per employee code; True past either limit or while
    the sign-in lockout (django-axes) holds that account."""
    counters = (
        ("activation_ip", client_ip(request)),
        ("activation_code", employee_code.casefold()),
    )
    over = [
        scope for scope, ident in counters if ratelimit.hit(scope, ident) > ratelimit.rate(scope)[0]
    ]
    if over:
        logger.warning("Activation refused: %s passed (%s)", ", ".join(over), client_ip(request))
    return bool(over) or not AxesProxyHandler.is_allowed(request, {"username": employee_code})


@method_decorator([never_cache, sensitive_post_parameters("code")], name="dispatch")
class ActivationCodeView(FormView):
    """ "Kích hoạt tài khoản", step 1: the employee code and the printed code. Every refusal is
    the same sentence; wrong codes count in the sign-in lockout of the account they name."""

    template_name = "learners/activation_code.html"
    form_class = ActivationCodeForm

    def form_valid(self, form):
        employee_code = form.cleaned_data["employee_code"].strip()
        row = None
        if not _activation_limited(self.request, employee_code):
            row = activation_code_check(employee_code=employee_code, code=form.cleaned_data["code"])
        if row is None:
            user_login_failed.send(
                sender=__name__, credentials={"username": employee_code}, request=self.request
            )
            form.add_error(None, ACTIVATION_REFUSED)
            return self.form_invalid(form)
        self.request.session[ACTIVATION_SESSION_KEY] = {
            "user": row.user_id,
            "issued_at": row.issued_at.isoformat(),
            "at": int(time.time()),
        }
        return redirect("activation_password")


@method_decorator(
    [never_cache, sensitive_post_parameters("new_password1", "new_password2")], name="dispatch"
)
class ActivationPasswordView(FormView):
    """Step 2: choose a password (the site's validators); then the code is used and the person
    signed in, in one transaction (``activation_code_redeem``)."""

    template_name = "learners/activation_password.html"
    form_class = ActivationPasswordForm

    def dispatch(self, request, *args, **kwargs):
        pending = request.session.get(ACTIVATION_SESSION_KEY) or {}
        fresh = time.time() - pending.get("at", 0) < ACTIVATION_STEP_SECONDS
        self.person = fresh and User.objects.filter(pk=pending.get("user"), is_active=True).first()
        if not self.person:
            request.session.pop(ACTIVATION_SESSION_KEY, None)
            messages.error(request, ACTIVATION_STEP_EXPIRED)
            return redirect("activation")
        self.pending = pending
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.person}

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)

    def form_valid(self, form):
        self.request.session.pop(ACTIVATION_SESSION_KEY, None)
        person = activation_code_redeem(
            user_id=self.person.pk,
            issued_at=self.pending["issued_at"],
            password=form.cleaned_data["new_password1"],
        )
        if person is None:
            messages.error(self.request, ACTIVATION_STEP_EXPIRED)
            return redirect("activation")
        login(self.request, person, backend=ACTIVATION_BACKEND)
        messages.success(self.request, ACTIVATED)
        return redirect(resolve_url(settings.LOGIN_REDIRECT_URL))


class ActivationLinkView(auth_views.PasswordResetConfirmView):
    """The e-mailed one-time link: choose a password, then signed in. Dead once used (the
    token covers the password), after ``ACTIVATION_LINK_DAYS``, and for inactive accounts."""

    template_name = "learners/activation_link.html"
    token_generator = activation_token_generator
    form_class = ActivationPasswordForm
    reset_url_token = "dat-mat-khau"  # noqa: S105 - a URL segment, not a password
    post_reset_login = True
    post_reset_login_backend = ACTIVATION_BACKEND

    def get_success_url(self):
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form):
        response = super().form_valid(form)
        log(
            instance=form.user,
            action=ACTIVATION_USE_LOG_ACTION,
            user=form.user,
            data={"by": "link"},
        )
        messages.success(self.request, ACTIVATED)
        return response
