"""Lead-phrase tables, one per language: data files read by ``resparse._lead_tables``."""
