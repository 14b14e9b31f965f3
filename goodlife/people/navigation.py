from goodlife.accounts import home
from goodlife.accounts.access import CASEWORK, MANAGE_TEAM, OPEN_RECORDS
from goodlife.accounts.models import Role
from goodlife.ui.navigation import NavItem, register

home.register(Role.PRACTITIONER, "people:my-caseload", priority=10)
home.register(Role.TEAM_MANAGER, "people:team", priority=10)

register(NavItem("My caseload", "people:my-caseload", CASEWORK.allows, order=10))
register(NavItem("Team", "people:team", CASEWORK.allows, order=20))
register(
    NavItem(
        "Find a person",
        "people:search",
        OPEN_RECORDS.allows,
        order=30,
    )
)
register(NavItem("Add a person", "people:add", CASEWORK.allows, order=40))
register(
    NavItem(
        "Break-glass reviews",
        "people:break-glass-reviews",
        MANAGE_TEAM.allows,
        order=50,
    )
)
register(
    NavItem(
        "Team requests",
        "people:team-requests",
        MANAGE_TEAM.allows,
        order=55,
    )
)
