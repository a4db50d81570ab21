"""Where rules come from: entry points, YAML rule packs and their declarative kinds."""
