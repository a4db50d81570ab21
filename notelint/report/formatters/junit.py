"""JUnit XML, for GitLab merge-request test reports and Jenkins.

One `<testsuite>` per file with findings, one `<testcase>` per finding (its
classname is the file, so GitLab groups them by note). A finding at or above
`--fail-on` is a `<failure>`; one below it passes and carries its message in
`<system-out>`, so advice never turns a pipeline red. A run without findings
is one passing test case, so the report is never empty.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby

from notelint.core.display import plural
from notelint.core.model import Finding, Severity
from notelint.report.formatters.base import Formatter, Summary

# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


class JunitFormatter(Formatter):
    def start(self) -> None:
        threshold = self.options.get("fail_on") or Severity.WARNING
        self.threshold = Severity(threshold)

    def finish(self, summary: Summary) -> None:
        root = ET.Element("testsuites", name="notelint")
        total = failed = 0
        for path, group in groupby(
            sorted(summary.findings, key=lambda f: f.sort_key), key=lambda f: f.path
        ):
            findings = list(group)
            failures = sum(self._fails(f) for f in findings)
            suite = ET.SubElement(
                root,
                "testsuite",
                name=_clean(path),
                tests=str(len(findings)),
                failures=str(failures),
                errors="0",
                skipped="0",
            )
            for finding in findings:
                self._testcase(suite, finding)
            total += len(findings)
            failed += failures
        if not summary.findings:
            suite = ET.SubElement(
                root, "testsuite", name="notelint", tests="1", failures="0", errors="0", skipped="0"
            )
            ET.SubElement(
                suite,
                "testcase",
                classname="notelint",
                name=f"{plural(summary.files, 'file')} checked, no findings",
            )
            total = 1
        root.set("tests", str(total))
        root.set("failures", str(failed))
        root.set("errors", "0")
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode"))
        self.stream.write("\n")

    def _fails(self, finding: Finding) -> bool:
        return finding.severity.rank >= self.threshold.rank

    def _testcase(self, suite: ET.Element, finding: Finding) -> None:
        text = _clean(finding.message)
        where = f"{finding.path}:{finding.line}:{finding.column}"
        case = ET.SubElement(
            suite,
            "testcase",
            classname=_clean(finding.path),
            name=_clean(f"{finding.rule} ({finding.code}) at {finding.line}:{finding.column}"),
            file=_clean(finding.path),
            line=str(finding.line),
        )
        detail = _clean(f"{where}: {finding.code} [{finding.rule}] {finding.severity}: ") + text
        if self._fails(finding):
            failure = ET.SubElement(case, "failure", message=text, type=finding.rule)
            failure.text = detail
        else:
            ET.SubElement(case, "system-out").text = detail
