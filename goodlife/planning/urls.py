from django.urls import path

from goodlife.planning import sign_off_views, support_views, views

app_name = "planning"

P = "people/<uuid:person_id>/"
S = P + "support-plan/"

urlpatterns = [
    path("plans/team/", views.team, name="team"),
    path(P + "plan/", views.plan, name="plan"),
    path(P + "ideas/add/", views.add_idea, name="add-idea"),
    path(P + "ideas/<uuid:idea_id>/status/", views.idea_status, name="idea-status"),
    path(P + "ideas/<uuid:idea_id>/change/", views.edit_idea, name="edit-idea"),
    path(P + "outcomes/add/", views.add_outcome, name="add-outcome"),
    path(P + "outcomes/<uuid:outcome_id>/change/", views.edit_outcome, name="edit-outcome"),
    path(P + "outcomes/<uuid:outcome_id>/tasks/add/", views.add_task, name="add-task"),
    path(P + "tasks/<uuid:task_id>/done/", views.task_done, name="task-done"),
    path(P + "tasks/<uuid:task_id>/change/", views.edit_task, name="edit-task"),
    path(S, support_views.support_plan, name="support-plan"),
    path(S + "start/", support_views.start_support_plan, name="start-support-plan"),
    path(S + "items/add/", support_views.add_plan_item, name="add-plan-item"),
    path(S + "items/<uuid:item_id>/", support_views.plan_item, name="item"),
    path(S + "items/<uuid:item_id>/change/", support_views.edit_plan_item, name="edit-plan-item"),
    path(
        S + "items/<uuid:item_id>/remove/",
        support_views.remove_plan_item,
        name="remove-plan-item",
    ),
    path(
        S + "items/<uuid:item_id>/put-back/",
        support_views.restore_plan_item,
        name="restore-plan-item",
    ),
    path(S + "agree/", support_views.agree_support_plan, name="agree-support-plan"),
    path(S + "review/", support_views.review, name="review"),
    path(S + "budget/add/", support_views.add_budget_line, name="add-budget-line"),
    path(
        S + "budget/<int:line_id>/change/",
        support_views.edit_budget_line,
        name="edit-budget-line",
    ),
    path(
        S + "budget/<int:line_id>/remove/",
        support_views.remove_budget_line,
        name="remove-budget-line",
    ),
    path(
        S + "budget/<int:line_id>/put-back/",
        support_views.restore_budget_line,
        name="restore-budget-line",
    ),
    path(S + "sign-off/", sign_off_views.send_for_sign_off, name="send-for-sign-off"),
    path(
        S + "sign-off/<uuid:request_id>/",
        sign_off_views.decide_sign_off,
        name="decide-sign-off",
    ),
    path(
        S + "sign-off/<uuid:request_id>/seen/",
        sign_off_views.sign_off_seen,
        name="sign-off-seen",
    ),
    path(P + "my-plan/", views.my_plan, name="my-plan"),
]
