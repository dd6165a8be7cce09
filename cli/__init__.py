"""The counter's command line (``omigjen-pos``, ``python main.py``): one module per group of
commands, each owning its sub-parsers and handlers; ``cli.bootstrap`` builds what they use."""
