from django.contrib import admin

from goodlife.directory.models import Place, Synonym


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    """Related words for matching: a council extends these without code."""

    list_display = ["word", "related"]
    search_fields = ["word", "related"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    """Coordinates of postcodes, districts and place names, for distances."""

    list_display = ["name", "latitude", "longitude"]
    search_fields = ["name"]
