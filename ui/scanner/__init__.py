"""Barcode scanner input: the pure burst detector and code routing, plus thin Qt/pyserial glue."""
