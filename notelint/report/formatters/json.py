from __future__ import annotations

import json

from notelint import __version__
from notelint.report.formatters.base import Formatter, Summary


class JsonFormatter(Formatter):
    """The contract's JSON document (section 3)."""

    def finish(self, summary: Summary) -> None:
        document = {
            "notelint_version": __version__,
            "findings": [f.to_dict() for f in summary.findings],
            "summary": {
                "files": summary.files,
                "findings": len(summary.findings),
                **summary.counts(),
            },
        }
        json.dump(document, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
