"""samgraf: the knowledge graph of Swedish regional collaboration bodies."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("samgraf")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0"
