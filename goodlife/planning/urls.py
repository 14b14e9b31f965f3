from django.urls import path

from goodlife.planning import views

app_name = "planning"

P = "people/<uuid:person_id>/"

urlpatterns = [
    path("plans/team/", views.team, name="team"),
    path(P + "plan/", views.plan, name="plan"),
    path(P + "ideas/add/", views.add_idea, name="add-idea"),
    path(P + "ideas/<uuid:idea_id>/status/", views.idea_status, name="idea-status"),
    path(P + "outcomes/add/", views.add_outcome, name="add-outcome"),
    path(P + "outcomes/<uuid:outcome_id>/tasks/add/", views.add_task, name="add-task"),
    path(P + "tasks/<uuid:task_id>/done/", views.task_done, name="task-done"),
    path(P + "support-plan/", views.support_plan, name="support-plan"),
    path(P + "support-plan/start/", views.start_support_plan, name="start-support-plan"),
    path(P + "support-plan/items/add/", views.add_plan_item, name="add-plan-item"),
    path(
        P + "support-plan/items/<uuid:item_id>/sign-off/", views.sign_off_item, name="sign-off-item"
    ),
    path(P + "support-plan/items/<uuid:item_id>/", views.plan_item, name="item"),
    path(
        P + "support-plan/items/<uuid:item_id>/remove/",
        views.remove_plan_item,
        name="remove-plan-item",
    ),
    path(P + "support-plan/agree/", views.agree_support_plan, name="agree-support-plan"),
    path(P + "support-plan/review/", views.review, name="review"),
    path(P + "my-plan/", views.my_plan, name="my-plan"),
    path(P + "support-plan/budget/add/", views.add_budget_line, name="add-budget-line"),
    path(
        P + "support-plan/budget/<int:line_id>/remove/",
        views.remove_budget_line,
        name="remove-budget-line",
    ),
]
