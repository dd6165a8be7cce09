"""The crash-consistency harness behind ``python -m bench crash`` and
``tests/reliability/test_crash.py``: a child process sells, prints and syncs with the real
services and is killed with SIGKILL at random points; after each kill the store is opened again
as the app does at start and checked (no sale lost or duplicated, chains verify, the print queue
and the server agree)."""

from pos import __version__ as APP_VERSION  # the version main.py reports

__all__ = ["APP_VERSION"]
