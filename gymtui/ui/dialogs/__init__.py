"""Modal dialogs, one a file, each dismissing a typed result."""
