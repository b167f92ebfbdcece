"""Quizzes (Bài kiểm tra): built in a later step."""
