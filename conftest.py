"""The project's top-level pytest configuration: applies to the unit tests and to the nbval run over the
published chapters (``make test``), where it makes nbval's failures name the chapter, the cell, what was
published, what is produced now, and the command that refreshes the baseline."""
pytest_plugins = ["districtbook.nbval_report"]
