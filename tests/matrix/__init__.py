"""Helpers for ``tests/test_permission_matrix.py``: the shared data and the URL walker."""
