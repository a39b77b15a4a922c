"""samgraf.graph: protocol records to RDF, stored and queried with SPARQL."""
from samgraf.graph.api import (
    LoadReport, export, load_paths, load_records, open_store, parse_param, query_df, query_names,
    query_text, run_query, stats, to_python, to_term, validate,
)
from samgraf.graph.mapping import MappedProtocol, map_protocol
from samgraf.graph.store import EmbeddedStore, QueryResult, SparqlHttpStore, Store

__all__ = [
    "EmbeddedStore", "LoadReport", "MappedProtocol", "QueryResult", "SparqlHttpStore", "Store", "export",
    "load_paths", "load_records", "map_protocol", "open_store", "parse_param", "query_df", "query_names",
    "query_text", "run_query", "stats", "to_python", "to_term", "validate",
]
