"""The first run of a counter with an empty data directory: the centre set up in the window, step
by step and from the keyboard alone, before anyone can log in."""
