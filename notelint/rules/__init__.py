"""The built-in rules, one per module; each module's rule class docstring is
the rule's documentation. They register through the `notelint.rules` entry
points in pyproject.toml, the same way third-party plugins do."""
