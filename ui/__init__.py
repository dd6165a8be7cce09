"""PySide6 user interface. Calls the services in ``pos``; never touches the database directly."""
