"""The ETL: read articles, find actors, meetings, statements and issues, map them to RDF."""
