"""districtbook: figures from Vietnamese district news, published as a report book."""
from districtbook.reading.articles import Article, read_article
from districtbook.base.errors import DistrictbookError

__all__ = ["Article", "DistrictbookError", "read_article"]
__version__ = "0.1.0"
