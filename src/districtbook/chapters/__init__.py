"""One module per chapter: each owns its findings (main points), tables and charts.

sources, figures, dictionary (the data), budget, growth, digital, governance (the topics), profile (one
district), comparison (two districts), and intro (the introduction's main points, glued into its page).
The notebooks call these and nothing else; what several chapters share is in :mod:`.common` (the
table of a chapter's figures, the words of a table cell), and the machinery under them in
:mod:`districtbook.analysis.findings` (what the figures say), :mod:`districtbook.rendering.prose` (sentences) and
:mod:`districtbook.rendering.charts`.
"""
