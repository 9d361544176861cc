"""Reading articles: the seeds folder as plain files only (bounded reads, encodings, names), an article's structure (title, lead, frames), and the maintainer's corrections. Imports only ``base``."""
