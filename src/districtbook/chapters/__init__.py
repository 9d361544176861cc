"""One module per chapter: each owns its findings (main points), tables and charts.

The notebooks call these and nothing else; the shared machinery lives in :mod:`districtbook.findings`
(what the figures say), :mod:`districtbook.prose` (sentences), :mod:`districtbook.charts` and
:mod:`districtbook.views` (tables).
"""
