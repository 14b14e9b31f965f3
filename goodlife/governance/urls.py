from django.urls import path

from goodlife.governance import views

app_name = "governance"

urlpatterns = [
    path("audit-trail/", views.audit_trail, name="audit-trail"),
]
