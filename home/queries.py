"""Query expressions every app's selectors share."""

from django.db.models import F, Func, IntegerField, QuerySet, Subquery
from django.db.models.functions import Coalesce


def count_subquery(queryset: QuerySet) -> Coalesce:
    """A correlated ``COUNT(*)`` subquery over ``queryset`` (correlated through ``OuterRef``),
    0 when it matches nothing: one subquery per outer row, no GROUP BY on the outer query."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
