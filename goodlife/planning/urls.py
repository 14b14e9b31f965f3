from django.urls import path

from goodlife.planning import views

app_name = "planning"

P = "people/<uuid:person_id>/"

urlpatterns = [
    path(P + "plan/", views.plan, name="plan"),
    path(P + "ideas/add/", views.add_idea, name="add-idea"),
    path(P + "ideas/<uuid:idea_id>/status/", views.idea_status, name="idea-status"),
    path(P + "outcomes/add/", views.add_outcome, name="add-outcome"),
    path(P + "outcomes/<uuid:outcome_id>/tasks/add/", views.add_task, name="add-task"),
    path(P + "tasks/<uuid:task_id>/done/", views.task_done, name="task-done"),
]
