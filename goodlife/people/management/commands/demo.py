import datetime
import os

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from goodlife.accounts.models import Team, User
from goodlife.people import demo, services, timeline
from goodlife.people.models import Person

DEFAULT_PASSWORD = "goodlife-demo"  # noqa: S105 - the published demo sign-in


class Command(BaseCommand):
    help = (
        "Create the demo borough: teams, one user per role and the seeds' people. "
        "Safe to run again: what people have typed since is kept."
    )

    def handle(self, *args, **options):
        password = os.getenv("GOODLIFE_DEMO_PASSWORD") or DEFAULT_PASSWORD
        with transaction.atomic():
            teams = {
                name: Team.objects.get_or_create(name=name, defaults={"description": desc})[0]
                for name, desc in demo.TEAMS
            }
            users = {}
            for email, full_name, job_title, role, team_names in demo.STAFF:
                user, created = User.objects.get_or_create(
                    email=email,
                    defaults={"full_name": full_name, "job_title": job_title, "role": role},
                )
                if created:
                    user.teams.set([teams[n] for n in team_names])
                # The printed demo password always works, even if it was changed.
                user.set_password(password)
                user.save(update_fields=["password"])
                users[email] = user
            created_people = 0
            for spec in demo.PEOPLE:
                pk = demo.person_id(spec["key"])
                if Person.objects.filter(pk=pk).exists():
                    continue
                fields = {k: v for k, v in spec.items() if k not in {"key", "team", "worker"}}
                person = services.create_person(
                    by=None,
                    id=pk,
                    team=teams[spec["team"]],
                    allocated_worker=users.get(spec["worker"]) if spec["worker"] else None,
                    **fields,
                )
                # The demo people have been known to the council for a while.
                person.versions.update(saved_at=timezone.now() - datetime.timedelta(days=180))
                created_people += 1
            borough = demo.DemoBorough(
                teams=teams,
                staff=users,
                people={
                    spec["key"]: Person.objects.get(pk=demo.person_id(spec["key"]))
                    for spec in demo.PEOPLE
                },
            )
            step_reports = [report for _name, step in demo.steps() if (report := step(borough))]
            # The story dates rows back with QuerySet.update(): write its timelines afresh.
            timeline.rebuild_people([p.pk for p in borough.people.values()])

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {len(teams)} teams, {len(users)} staff, "
                f"{created_people} people added "
                f"({len(demo.PEOPLE) - created_people} kept as they were)."
            )
        )
        for report in step_reports:
            self.stdout.write(report)
        self.stdout.write(f"\nDemo sign-ins (password for all: {password})\n")
        for email, full_name, _title, role, team_names in demo.STAFF:
            where = f", {', '.join(team_names)}" if team_names else ""
            self.stdout.write(f"  {email:<28} {full_name} – {role.label}{where}")
        self.stdout.write("")
