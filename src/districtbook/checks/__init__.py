"""Checks of a built site (links, assets, search, the reader's view). Imports the layers below."""
