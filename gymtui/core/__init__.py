"""The training model and its rules: pure Python, no Textual, no SQLite."""
