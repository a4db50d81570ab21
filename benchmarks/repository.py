"""A deterministic coach's repository for the benchmark: one folder per
application, an interview.yaml and a note to each interviewer, written from a
seed so that two runs measure the same text.

    python benchmarks/repository.py OUT [--notes 2000] [--applications 300]

The notes are varied the way a coach's clients write them: some echo the
interviewer's points and the candidate's own work, some are stock templates,
some are pasted to two interviewers, some misspell a name, leave a
placeholder, come late, quote a confidential term or plead; about one in
eight is an `.eml` as a mail client saves it.
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta
from pathlib import Path

FIRST = (
    "Maria Raj Dana Tomasz Aisha Kenji Olga Pieter Chloe Diego Fatima Lars Mei Nikolai "
    "Priya Samuel Ingrid Omar Beatriz Hiroshi Zanele Mateo Sofia Kwame Elif Bruno Hana"
).split()
LAST = (
    "Gonzalez Patel Whitfield Kowalski Rahman Watanabe Petrova Janssen Dubois Ramirez "
    "Haddad Lindqvist Chen Volkov Iyer Okafor Berg Nasser Costa Tanaka Dlamini Rossi "
    "Moreau Mensah Yilmaz Ferreira Novak"
).split()
COMPANY_HEAD = (
    "Acme Northwind Globex Initech Umbrella Hooli Vandelay Stark Wayne Cyberdyne Tyrell "
    "Soylent Wonka Gringotts Monarch Oscorp Massive Aperture Blue Sun Kestrel Saltmarsh "
    "Copperleaf Ashgrove Larkspur Brightwater Halcyon Meridian Quillon Redwood"
).split()
COMPANY_TAIL = "Robotics Foods Logistics Software Energy Health Analytics Labs Studios".split()
ROLES = (
    "Product Manager",
    "Data Analyst",
    "UX Designer",
    "Operations Analyst",
    "Software Engineer",
    "Marketing Lead",
    "Supply Chain Planner",
)
TITLES = (
    "VP of Product",
    "Director of Marketing",
    "Senior Recruiter",
    "Head of Operations",
    "Engineering Manager",
    "Chief Executive Officer",
    "Data Science Lead",
)
INTERVIEW_ROLES = ("hiring-manager", "hiring-manager-boss", "colleague", "recruiter", "hr")
POINTS = (
    "shortening the prototype cycle for the {thing}",
    "how the team runs customer discovery interviews",
    "moving the {thing} reports from spreadsheets to a warehouse",
    "the night-shift rota for the {city} site",
    "onboarding new hires in their first two weeks",
    "the migration of the {thing} service to the new cloud region",
    "relocation to {city}",
    "the quarterly planning process for the {thing} roadmap",
    "reducing returns on the {thing} line by a third",
)
THINGS = "picking arm|billing|forecasting|checkout|loyalty app|route planner|sensor".split("|")
CITIES = "Pittsburgh Rotterdam Lisbon Osaka Nairobi Denver Krakow Leeds Porto".split()
OWN_WORK = (
    "At my current job I rebuilt the {thing} dashboard and cut the weekly review from two hours to twenty minutes.",
    "Last year I led the move of our {thing} data to a single warehouse, which saved the team about 40 hours a month.",
    "I ran the pilot of a new {thing} process with three suppliers in {city}, and on-time delivery rose from 82% to 95%.",
    "In my last role I interviewed over sixty customers about the {thing} and turned what they said into the next release.",
)
STOCK = (
    "Thank you for taking the time to meet with me.",
    "It was a pleasure to learn more about the role and the company.",
    "I believe my skills and experience make me a strong fit for this position.",
    "I look forward to hearing from you soon.",
    "Please let me know if you need any additional information.",
    "I am very excited about the opportunity to join your team.",
    "Thank you again for your time and consideration.",
)
CLOSINGS = ("Best regards,", "Kind regards,", "Thanks again,", "Sincerely,", "All the best,")
PLEAS = (
    "I really need this job, please don't let me down!!",
    "Did you get my last three emails? I am available any time, day or night.",
)


class Writer:
    """Writes one repository from one seed."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)

    def pick(self, options):
        return self.random.choice(options)

    def person(self) -> str:
        return f"{self.pick(FIRST)} {self.pick(LAST)}"

    def fill(self, template: str) -> str:
        return template.format(thing=self.pick(THINGS), city=self.pick(CITIES))

    def application(self, folder: Path, index: int, notes: int) -> int:
        """One application folder with `notes` notes; returns how many it wrote."""
        company = f"{self.pick(COMPANY_HEAD)} {self.pick(COMPANY_TAIL)}"
        when = datetime(2026, 1, 5, 10) + timedelta(days=index % 330, hours=index % 7)
        people = list(dict.fromkeys(self.person() for _ in range(notes + 2)))[:notes]
        interviewers = [
            (
                name,
                self.pick(TITLES),
                "hiring-manager" if i == 0 else self.pick(INTERVIEW_ROLES[1:]),
                [self.fill(self.pick(POINTS)) for _ in range(self.random.randint(1, 3))],
            )
            for i, name in enumerate(people)
        ]
        secret = f"Project {self.pick(THINGS).title().replace(' ', '')}"
        folder.mkdir(parents=True)
        (folder / "interview.yaml").write_text(
            self.interview(company, when, secret, interviewers), encoding="utf-8"
        )
        previous = None
        for name, _title, _role, points in interviewers:
            sent = when + timedelta(hours=self.random.choice((5, 20, 30, 60, 100)))
            if previous is not None and self.random.random() < 0.08:
                body = previous.replace(previous.split(",", 1)[0], f"Dear {name.split()[0]}")
            else:
                body = self.body(name, company, points, secret)
            previous = body
            stem = name.lower().replace(" ", "-")
            if self.random.random() < 0.125:
                (folder / f"{stem}.eml").write_text(
                    self.eml(name, company, sent, body), encoding="utf-8"
                )
            else:
                front = f"---\nto: {name}\nsent: {sent:%Y-%m-%dT%H:%M}\n---\n"
                (folder / f"{stem}.md").write_text(front + body, encoding="utf-8")
        return len(interviewers)

    def interview(self, company, when, secret, interviewers) -> str:
        lines = [
            f"company: {company}",
            f"role: {self.pick(ROLES)}",
            f"round: {self.random.randint(1, 3)}",
            f"interviewed_at: {when:%Y-%m-%dT%H:%M}",
            "timezone: America/New_York",
            f"decision_by: {(when + timedelta(days=10)):%Y-%m-%d}",
            f"current_employer: {self.pick(COMPANY_HEAD)} Partners",
            "confidential:",
            f"  - {secret}",
            "values:",
            "  - collaboration",
            "  - customer obsession",
            "interviewers:",
        ]
        for name, title, role, points in interviewers:
            lines += [
                f"  - name: {name}",
                f"    title: {title}",
                f"    role: {role}",
                "    points:",
            ]
            lines += [f"      - {point}" for point in points]
        return "\n".join(lines) + "\n"

    def body(self, name: str, company: str, points: list[str], secret: str) -> str:
        first, last = name.split()
        roll = self.random.random()
        if roll < 0.05:
            first = first[:-2] + first[-1] + first[-2]  # a misspelled name
        greeting = self.pick((f"Dear {first},", f"Hi {first},", f"Dear Mr. {last},"))
        sentences = [self.pick(STOCK)]
        if roll < 0.7:  # a personal note
            sentences.append(f"I enjoyed our conversation about {self.pick(points)}.")
            sentences.append(self.fill(self.pick(OWN_WORK)))
            if self.random.random() < 0.5:
                sentences.append(
                    f"Your point about {self.pick(points)} stayed with me on the way home."
                )
        else:  # a template
            sentences += self.random.sample(STOCK, 3)
        if self.random.random() < 0.04:
            sentences.append(f"I could share how we handled {secret} at my current job.")
        if self.random.random() < 0.04:
            sentences.append(self.pick(PLEAS))
        if self.random.random() < 0.04:
            sentences.append("I am excited to join [Company Name] as your next hire.")
        sentences.append(f"I would be glad to bring this to {company}.")
        paragraphs = [" ".join(sentences[:2]), " ".join(sentences[2:])]
        signature = f"{self.pick(CLOSINGS)}\nJordan Lee"
        return f"{greeting}\n\n" + "\n\n".join(paragraphs) + f"\n\n{signature}\n"

    def eml(self, name: str, company: str, sent: datetime, body: str) -> str:
        address = name.lower().replace(" ", ".") + "@example.com"
        return (
            f"To: {name} <{address}>\nFrom: Jordan Lee <jordan.lee@example.com>\n"
            f"Subject: Thank you for our conversation\n"
            f"Date: {sent:%a, %d %b %Y %H:%M:%S} -0500\n"
            "Content-Type: text/plain; charset=utf-8\n\n" + body
        )


def write(out: Path, notes: int = 2000, applications: int = 300, seed: int = 7) -> int:
    """Write the repository into `out` (which must not exist); returns the notes written."""
    writer = Writer(seed)
    out.mkdir(parents=True)
    (out / ".notelint.yaml").write_text("# the benchmark's coach repository\n", encoding="utf-8")
    written = 0
    for index in range(applications):
        share = (notes - written) // (applications - index)
        folder = out / f"client-{index % 40:02d}" / f"2026-{index:03d}-application"
        written += writer.application(folder, index, max(1, share))
    return written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--applications", type=int, default=300)
    options = parser.parse_args()
    print(write(options.out, options.notes, options.applications), "notes written")


if __name__ == "__main__":
    main()
