"""The project's top-level pytest configuration: applies to the unit tests and to nbval over the published
chapters (``make test`` runs both in one pytest run), where it makes nbval's failures name the chapter, the
cell, what was published, what is produced now, and the command that refreshes the baseline."""
pytest_plugins = ["districtbook.building.nbval_report"]


import contextlib
import sys

#: the tests that read the project's own published book (book/, _build/): nbval over the committed chapters,
#: the live-seeds checks, and the shared builds that start from the project's _build
_READERS = ("tests/test_live_seeds.py",)
_READER_FIXTURES = frozenset({"built_log", "built_project", "rebuilt_log"})
_held = contextlib.ExitStack()


def reads_the_project_book(item) -> bool:
    path = item.nodeid.split("::", 1)[0]
    return (type(item).__name__ == "IPyNbCell" or path in _READERS
            or bool(_READER_FIXTURES & set(getattr(item, "fixturenames", ()))))


def pytest_runtest_setup(item) -> None:
    """Before the first test (in this process) that reads the project's book, hold the build lock shared until
    the run ends: a `make book` running beside `make test` is waited for (the wait is said once), and a build
    started meanwhile waits for the tests (it would otherwise publish under them)."""
    if _held._exit_callbacks or not reads_the_project_book(item):
        return
    from districtbook.base import lock, paths

    def say(message: str) -> None:  # past pytest's capture of the test's output: the user must see it now
        capman = item.config.pluginmanager.getplugin("capturemanager")
        with capman.global_and_fixture_disabled() if capman else contextlib.nullcontext():
            sys.stderr.write(f"\n{message}\n")
            sys.stderr.flush()

    _held.enter_context(lock.reading_lock(paths.build_dir(), "make test (nbval, the live-seeds checks, the "
                                          "shared builds)", say=say))


def pytest_unconfigure(config) -> None:
    _held.close()
