"""Sign-in, password and profile pages for people."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from home import ratelimit
from home.net import client_ip

from .forms import ContactForm, LimitedPasswordChangeForm, LoginForm, PasswordResetRequestForm
from .selectors import agency_chain_name
from .services import user_update_contact

PROFILE_UPDATED = _("Đã cập nhật thông tin liên hệ.")
PROFILE_NOT_SAVED = _("Chưa lưu được thông tin liên hệ. Hãy sửa các lỗi bên dưới.")
LOGGED_OUT = _("Bạn đã đăng xuất.")

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
