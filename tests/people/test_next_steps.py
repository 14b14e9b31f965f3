"""The next steps registry: apps that build on people offer a page of the person's record
as a next step; pages that show them ask ``steps_for``."""

from goodlife.people import next_steps


def test_a_registered_step_shows_in_its_order(monkeypatch, tom):
    monkeypatch.setattr(next_steps, "_steps", dict(next_steps._steps))
    next_steps.register(next_steps.NextStep("network", "Network map", "strengths:network", 15))
    keys = [step.key for step in next_steps.steps_for(tom)]
    assert keys == ["well12", "network", "strengths", "plan", "support-plan"]
    network = next_steps.steps_for(tom)[1]
    assert network.url == f"/people/{tom.pk}/network/" and network.hint == ""
