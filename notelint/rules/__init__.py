"""The built-in rules, one per module, in one folder a family (the code's
hundreds: inputs NL0xx, content NL1xx, names NL2xx, safety NL3xx, timing
NL4xx, hiring NL5xx, tone NL6xx); each rule class's docstring is the rule's
documentation. They register through the `notelint.rules` entry points in
pyproject.toml, the same way third-party plugins do."""
