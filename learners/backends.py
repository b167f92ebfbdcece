from django.contrib.auth.backends import ModelBackend
from django.db.models import Case, IntegerField, Q, Value, When

from .models import User


class UsernameOrEmployeeCodeBackend(ModelBackend):
    """Sign in with the username or with the employee code (mã số công chức, viên chức).

    The username is matched exactly, as Django does; the code ignores case, since people
    type "cc000123" as often as "CC000123". A username match is tried before a code match.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        login = (username or "").strip()
        if not login or password is None:
            return None
        candidates = list(
            User._default_manager.filter(Q(username=login) | Q(employee_code__iexact=login))
            .annotate(
                match_rank=Case(
                    When(username=login, then=Value(0)), default=1, output_field=IntegerField()
                )
            )
            .order_by("match_rank", "pk")[:3]
        )
        if not candidates:
            # Run the hasher anyway so that the response time does not reveal
            # whether the account exists (as ModelBackend does).
            User().set_password(password)
            return None
        for user in candidates:
            if user.check_password(password) and self.user_can_authenticate(user):
                return user
        return None
