from goodlife.accounts import home
from goodlife.accounts.access import CASEWORK_ROLES, NO_PERSON_RECORDS
from goodlife.accounts.models import Role
from goodlife.ui.navigation import NavItem, register

home.register(Role.PRACTITIONER, "people:my-caseload", priority=10)
home.register(Role.TEAM_MANAGER, "people:team", priority=10)

register(NavItem("My caseload", "people:my-caseload", lambda u: u.role in CASEWORK_ROLES, order=10))
register(NavItem("Team", "people:team", lambda u: u.role in CASEWORK_ROLES, order=20))
register(
    NavItem(
        "Find a person",
        "people:search",
        lambda u: u.role not in NO_PERSON_RECORDS,
        order=30,
    )
)
register(NavItem("Add a person", "people:add", lambda u: u.role in CASEWORK_ROLES, order=40))
register(
    NavItem(
        "Break-glass reviews",
        "people:break-glass-reviews",
        lambda u: u.role == Role.TEAM_MANAGER,
        order=50,
    )
)
register(
    NavItem(
        "Team requests",
        "people:team-requests",
        lambda u: u.role == Role.TEAM_MANAGER,
        order=55,
    )
)
