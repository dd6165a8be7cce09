"""Everything that ends on paper: documents rendered to ESC/POS bytes or PDF, transports and the
print queue."""
