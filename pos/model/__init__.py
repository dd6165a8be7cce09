"""Domain model: frozen value objects and the aggregates that hold the till's rules."""
