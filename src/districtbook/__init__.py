"""districtbook: figures from Vietnamese district news, published as a report book."""
from .articles import Article, read_article
from .errors import DistrictbookError

__all__ = ["Article", "DistrictbookError", "read_article"]
__version__ = "0.1.0"
