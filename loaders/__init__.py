"""samgraf."""
