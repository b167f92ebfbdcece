"""Sign-in, password and profile pages for people."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from .forms import ContactForm, LoginForm, PasswordResetRequestForm
from .selectors import agency_chain_name
from .services import user_update_contact

PROFILE_UPDATED = _("Đã cập nhật thông tin liên hệ.")
PROFILE_NOT_SAVED = _("Chưa lưu được thông tin liên hệ. Hãy sửa các lỗi bên dưới.")
LOGGED_OUT = _("Bạn đã đăng xuất.")


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


class PasswordResetView(auth_views.PasswordResetView):
    """Send a reset link to the address a person gives, if an active account has it."""

    template_name = "learners/password_reset_form.html"
    email_template_name = "learners/emails/password_reset_email.txt"
    subject_template_name = "learners/emails/password_reset_subject.txt"
    form_class = PasswordResetRequestForm

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
        form = ContactForm(request.POST)
        if form.is_valid():
            try:
                user_update_contact(user=user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, PROFILE_UPDATED)
                return redirect("profile")
    else:
        form = ContactForm(initial={"email": user.email, "phone": user.phone})
    context = {
        "form": form,
        "profile_user": user,
        "agency_name": agency_chain_name(agency=user.agency) if user.agency_id else "",
        "form_error": PROFILE_NOT_SAVED if form.errors else "",
    }
    return render(request, "learners/profile.html", context)
