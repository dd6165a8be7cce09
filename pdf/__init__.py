"""Documents as PDF files (reportlab): X/Z reports, the manager's day end and tenant settlement
statements. A document of ``pos.model`` in, a file out: no device, no service, no store, so the
counter and the server render the very same pages."""
