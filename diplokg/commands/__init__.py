"""One module per ``diplokg`` sub-command, each with ``run(args, config) -> int``."""
