"""What the site's search backends add to Wagtail's database backends: folding."""

from modelsearch.index import RelatedFields

from .folding import fold, index_text


class FoldingIndexer:
    """Folds every leaf value an object gives the index (related fields fold at their leaves),
    when the backend is a folding one."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.folds = isinstance(backend, FoldingQueries)

    def prepare_field(self, obj, field):
        if not self.folds or isinstance(field, RelatedFields):
            yield from super().prepare_field(obj, field)
            return
        for *head, value in super().prepare_field(obj, field):
            yield (*head, index_text(value))


class FoldingQueries:
    """Folds a query string before the engine sees it (query objects pass through as they are)."""

    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(_folded(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(_folded(query), model_or_queryset, *args, **kwargs)


def _folded(query):
    return fold(query) if isinstance(query, str) else query
