"""The demo centre and the simulation of busy days, made with the real services: ``demo`` and
``simulate`` on the command line, the benchmarks and the tests use them; the till never does."""
