"""The Textual interface: the App shell, screens, dialogs and widgets."""
