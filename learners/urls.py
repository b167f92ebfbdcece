from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="learners/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("kich-hoat/", views.ActivationCodeView.as_view(), name="activation"),
    path("kich-hoat/mat-khau/", views.ActivationPasswordView.as_view(), name="activation_password"),
    path(
        "kich-hoat/<uidb64>/<token>/", views.ActivationLinkView.as_view(), name="activation_confirm"
    ),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/done/",
        auth_views.PasswordResetDoneView.as_view(template_name="learners/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="learners/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="learners/password_reset_confirm.html"
        ),
        name="password_reset_confirm",
    ),
]
