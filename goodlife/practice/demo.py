"""The conversations part of the demo story: Tom's first conversation, Nancy's journey
through all three, Derek's community connection and Mohammed's holding support."""

import datetime

from django.utils import timezone

from goodlife.practice import services
from goodlife.practice.models import ConversationRecord, Episode


def _days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def _at(n: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=n)


def _backdate(obj, **fields):
    type(obj).objects.filter(pk=obj.pk).update(**fields)


def _record(episode, by, days_ago, step, narrative, **extra):
    record = services.start_record(
        episode,
        by=by,
        finish=True,
        values={"step": step, "happened_on": _days_ago(days_ago), "narrative": narrative, **extra},
    )
    _backdate(
        record, created_at=_at(days_ago), updated_at=_at(days_ago), finalised_at=_at(days_ago)
    )
    return record


def tom(borough):
    person, priya = borough.people["tom"], borough.staff["practitioner@example.org"]
    episode = services.open_episode(
        person,
        by=priya,
        contact_on=_days_ago(120),
        contact_method="self",
        raised_by="Tom himself, by email",
        reason="I want to be an astronaut. I'd like a job I can keep, doing something I "
        "care about.",
    )
    _backdate(episode, opened_at=_at(120))
    _record(
        episode,
        priya,
        113,
        "gather",
        "We met at the library café, which Tom chose because it is quiet in the mornings. "
        "Tom told me he wants to be an astronaut. He knows a great deal about space: he "
        "named every Apollo crew and explained how the ISS is resupplied. He follows every "
        "launch online. His jobs have lasted up to six months; he said the ones he liked "
        "best had clear routines and a manager who explained changes in advance. What "
        "works well: his knowledge, his persistence, his sister Jane who he talks to every "
        "Sunday. He would like to meet people who share his interest.",
        place="Eastbrook Library café",
        who_was_there="Tom, Priya Shah (social worker)",
        activities="Reads about space every day; watches launches online; walks to the library.",
        social_relationships="Sister Jane (phones every Sunday). Few friends locally: "
        "would like more.",
    )


def nancy(borough):
    person, priya = borough.people["nancy"], borough.staff["practitioner@example.org"]
    episode = services.open_episode(
        person,
        by=priya,
        contact_on=_days_ago(150),
        contact_method="hospital",
        raised_by="Ward 7 discharge team, Eastbrook General",
        reason="I just want to get home and back to my church.",
    )
    _backdate(episode, opened_at=_at(150))
    _record(
        episode,
        priya,
        149,
        "gather",
        "Nancy fell at home and broke her wrist. She lives alone and wants to go home. "
        "She told me her faith and her church matter most, and that she was a teacher for "
        "twenty years. Her neighbour Pat has a key and pops in most days.",
        place="Ward 7, Eastbrook General",
        who_was_there="Nancy, Priya Shah, ward nurse",
        housing="Two-storey house; bedroom upstairs. Stairs are hard with one hand.",
        cultural_spiritual="Catholic; goes to St Anne's every Sunday and to confession monthly.",
    )
    services.move_to_conversation(
        episode,
        by=priya,
        conversation=2,
        reason="Nancy is at risk at home alone for the first weeks: she cannot cook or wash "
        "with one hand and fell once already.",
    )
    _backdate(episode.stages.get(conversation=2), started_at=_at(148))
    support = services.start_holding_support(
        person,
        by=priya,
        episode=episode,
        what="Carer visits morning and evening for washing, dressing and meals while the "
        "wrist heals; a falls pendant from the tech-enabled care service.",
        starts_on=_days_ago(147),
        planned_end_on=_days_ago(119),
    )
    _backdate(support, recorded_at=_at(147))
    _record(
        episode,
        priya,
        146,
        "planning",
        "What needs to change to make you safe and regain control? Nancy said: “Help for a "
        "few weeks, and then leave me be.” We agreed four weeks of visits and a falls "
        "pendant. Pat will look in at lunchtime.",
        place="Nancy's home",
        who_was_there="Nancy, Pat (neighbour), Priya Shah",
    )
    services.review_holding_support(
        support,
        by=priya,
        end_on=_days_ago(119),
        note="Wrist healed; Nancy is washing and cooking herself. Visits stopped; she keeps "
        "the pendant.",
    )
    _backdate(support, reviewed_at=_at(119))
    services.move_to_conversation(
        episode,
        by=priya,
        conversation=3,
        reason="Nancy wants to plan for the longer term: stairs are getting harder and she "
        "would like to stay in her home and be useful to others.",
    )
    # Conversation 3 leads to the support plan agreed ten weeks ago (planning/demo_nancy.py).
    _backdate(episode.stages.get(conversation=3), started_at=_at(112))
    record = _record(
        episode,
        priya,
        110,
        "gather",
        "What does a good life look like? Nancy: “Teaching again, in some way. Being at "
        "church. Staying in my own home.” She said going to confession was where things "
        "turned round for her years ago, and then she trained as a teacher. She would like "
        "to help adults learn to read.",
        place="Nancy's home",
        who_was_there="Nancy, Priya Shah",
        activities="Church on Sundays; reading group on Wednesdays.",
    )
    services.amend_record(
        record,
        by=priya,
        reason="Nancy corrected the day of her reading group",
        values={"activities": "Church on Sundays; reading group on Thursdays."},
    )
    _record(
        episode,
        priya,
        91,
        "ideas",
        "Ideas together: the adult literacy scheme at the library needs volunteer tutors; "
        "a stairlift assessment; the church's lift-share on Sundays.",
        place="Nancy's home",
        who_was_there="Nancy, Priya Shah",
    )


def derek(borough):
    person, priya = borough.people["derek"], borough.staff["practitioner@example.org"]
    episode = services.open_episode(
        person,
        by=priya,
        contact_on=_days_ago(90),
        contact_method="referral",
        raised_by="Dr Amin, Northside Surgery",
        reason="I've stopped going out since I retired. I miss people.",
    )
    _backdate(episode, opened_at=_at(90))
    _record(
        episode,
        priya,
        88,
        "ideas",
        "Derek walks his dog every morning. We talked about the Riverside walking group, "
        "which meets at 9 on Tuesdays and welcomes dogs. He went the next week.",
        place="By phone",
        who_was_there="Derek, Priya Shah",
    )
    services.close_episode(
        episode,
        by=priya,
        closed_on=_days_ago(75),
        outcome="community",
        end_reason="goals_met",
        note="Derek walks with the group twice a week and has joined their quiz team.",
    )
    _backdate(episode, closed_at=_at(75))


def mohammed(borough):
    person, priya = borough.people["mohammed"], borough.staff["practitioner@example.org"]
    episode = services.open_episode(
        person,
        by=priya,
        contact_on=_days_ago(10),
        contact_method="referral",
        raised_by="His son, Rafiq Rahman",
        reason="Dad isn't eating properly since Mum died. He says he's fine.",
    )
    _backdate(episode, opened_at=_at(10))
    services.move_to_conversation(
        episode,
        by=priya,
        conversation=2,
        reason="Mohammed has lost weight and is not cooking: at risk while he grieves.",
    )
    support = services.start_holding_support(
        person,
        by=priya,
        episode=episode,
        what="Hot meals delivered at lunchtime for three weeks; Rafiq visits at weekends.",
        starts_on=_days_ago(9),
        planned_end_on=timezone.localdate() + datetime.timedelta(days=4),
    )
    _backdate(support, recorded_at=_at(9))


STORIES = {"tom": tom, "nancy": nancy, "derek": derek, "mohammed": mohammed}


def tell_story(borough) -> str | None:
    """Add each person's conversations once; a rerun leaves them (and any edits) alone."""
    told = []
    for key, story in STORIES.items():
        if Episode.objects.filter(person=borough.people[key]).exists():
            continue
        story(borough)
        told.append(key)
    if not told:
        return None
    records = ConversationRecord.objects.filter(person__in=[borough.people[k] for k in told])
    return f"Conversations added for {', '.join(told)} ({records.count()} records)."
