"""The project's top-level pytest configuration: applies to the unit tests and to nbval over the published
chapters (``make test`` runs both in one pytest run), where it makes nbval's failures name the chapter, the
cell, what was published, what is produced now, and the command that refreshes the baseline."""
pytest_plugins = ["districtbook.nbval_report"]
