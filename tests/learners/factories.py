import factory
from factory.django import DjangoModelFactory

from learners.models import Agency, User


class AgencyFactory(DjangoModelFactory):
    """An agency node; pass ``parent=`` for a child, none for a root (a province)."""

    class Meta:
        model = Agency

    code = factory.Sequence(lambda n: f"CQ{n:04d}")
    name = factory.Sequence(lambda n: f"Sở số {n}")
    kind = Agency.Kind.DEPARTMENT

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        instance = model_class(**kwargs)
        if parent is None:
            return model_class.add_root(instance=instance)
        return parent.add_child(instance=instance)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"hocvien{n}")
    full_name = factory.Faker("name", locale="vi_VN")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.gov.vn")
    employee_code = factory.Sequence(lambda n: f"CC{n:06d}")
    position = "Chuyên viên"
    password = factory.django.Password("Demo@2017")
