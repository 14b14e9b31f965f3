"""Publishing the directory as Open Referral UK (version 3): one service in the full form,
or a page of services in the list form."""

import datetime
import decimal
import math
import uuid

from goodlife.directory.models import (
    Contact,
    CostOption,
    Location,
    Organization,
    Schedule,
    Service,
    TaxonomyTerm,
)
from goodlife.directory.openreferral.extension import EXTENSION, extension_of
from goodlife.directory.openreferral.values import is_email_address, is_web_address

EXPORTED_FREQUENCIES = {"WEEKLY", "MONTHLY"}


def _derived_id(owner, *parts) -> str:
    """A stable UUID for a part of a record that has no UUID of its own (a schedule, an
    address): the same part of the same record always gets the same id."""
    return str(uuid.uuid5(owner.pk, "/".join(str(part) for part in parts)))


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def _json_number(amount: decimal.Decimal) -> int | float:
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in ("", None)}


def _organization_to_oruk(organization: Organization) -> dict:
    return {
        "id": str(organization.pk),
        "name": organization.name,
        "description": organization.description,
        **_without_empty(
            {
                "email": organization.email if is_email_address(organization.email) else "",
                "website": organization.website if is_web_address(organization.website) else "",
            }
        ),
    }


def _service_fields(service: Service) -> dict:
    """The one-to-one fields of a service: the list form of ORUK."""
    data = {
        "id": str(service.pk),
        "name": service.name,
        "description": service.description,
        "status": service.status,
        "last_modified": _utc(service.last_modified),
        **_without_empty(
            {
                "organization_id": str(service.organization_id) if service.organization_id else "",
                "url": service.url if is_web_address(service.url) else "",
                "email": service.email if is_email_address(service.email) else "",
                "fees": service.fees,
                "eligibility_description": service.eligibility,
                "minimum_age": service.minimum_age,
                "maximum_age": service.maximum_age,
            }
        ),
    }
    if service.organization_id:
        data["organization"] = _organization_to_oruk(service.organization)
    data[EXTENSION] = extension_of(service)
    return data


def _location_to_oruk(service: Service, location: Location) -> dict:
    data = {
        "id": str(location.pk),
        "location_type": "physical",
        **_without_empty(
            {
                "name": location.name,
                "latitude": location.latitude,
                "longitude": location.longitude,
            }
        ),
        "addresses": [],
        "accessibility": [],
    }
    if location.address or location.postcode:
        lines = location.address.split("\n")
        data["addresses"].append(
            {
                "id": _derived_id(location, "address"),
                "location_id": str(location.pk),
                "address_1": lines[0],
                **_without_empty({"address_2": ", ".join(lines[1:-1])}),
                "city": lines[-1] if len(lines) > 1 else "",
                "state_province": "",
                "postal_code": location.postcode,
                "country": "GB",
                "address_type": "physical",
            }
        )
    if location.accessibility:
        data["accessibility"].append(
            {
                "id": _derived_id(location, "accessibility"),
                "location_id": str(location.pk),
                "description": location.accessibility,
            }
        )
    return {
        "id": _derived_id(service, "service_at_location", location.pk),
        "service_id": str(service.pk),
        "location_id": str(location.pk),
        "location": data,
    }


def _schedule_to_oruk(service: Service, schedule: Schedule) -> dict:
    return {
        "id": _derived_id(service, "schedule", schedule.pk),
        "service_id": str(service.pk),
        **_without_empty(
            {
                "freq": schedule.freq if schedule.freq in EXPORTED_FREQUENCIES else "",
                "byday": schedule.byday,
                "opens_at": schedule.opens_at.isoformat() if schedule.opens_at else "",
                "closes_at": schedule.closes_at.isoformat() if schedule.closes_at else "",
                "description": schedule.description,
            }
        ),
    }


def _cost_option_to_oruk(service: Service, option: CostOption) -> dict:
    return {
        "id": _derived_id(service, "cost_option", option.pk),
        "service_id": str(service.pk),
        **_without_empty(
            {
                "option": option.option,
                "amount": _json_number(option.amount) if option.amount is not None else None,
                "amount_description": option.amount_description,
            }
        ),
    }


def _contact_to_oruk(service: Service, contact: Contact) -> dict:
    contact_id = _derived_id(service, "contact", contact.pk)
    return {
        "id": contact_id,
        "service_id": str(service.pk),
        **_without_empty(
            {
                "name": contact.name,
                "title": contact.title,
                "email": contact.email if is_email_address(contact.email) else "",
            }
        ),
        "phones": (
            [
                {
                    "id": _derived_id(service, "contact", contact.pk, "phone"),
                    "contact_id": contact_id,
                    "number": contact.phone,
                }
            ]
            if contact.phone
            else []
        ),
    }


def _term_to_oruk(service: Service, term: TaxonomyTerm) -> dict:
    return {
        "id": _derived_id(service, "attribute", term.pk),
        "link_id": str(service.pk),
        "taxonomy_term_id": str(term.pk),
        "taxonomy_term": {
            "id": str(term.pk),
            "name": term.name,
            "description": "",
            **_without_empty({"taxonomy": term.taxonomy}),
        },
    }


def service_to_oruk(service: Service, *, full: bool = True) -> dict:
    """A service as an Open Referral UK (version 3) service object: the full form with its
    schedules, costs, places, terms and contacts, or (``full=False``) the list form."""
    data = _service_fields(service)
    if not full:
        return data
    languages = [name.strip() for name in service.languages.split(",") if name.strip()]
    data.update(
        schedules=[_schedule_to_oruk(service, s) for s in service.schedules.all()],
        cost_options=[_cost_option_to_oruk(service, c) for c in service.cost_options.all()],
        service_at_locations=[_location_to_oruk(service, loc) for loc in service.locations.all()],
        attributes=[_term_to_oruk(service, term) for term in service.terms.all()],
        languages=[
            {
                "id": _derived_id(service, "language", name),
                "service_id": str(service.pk),
                "name": name,
            }
            for name in languages
        ],
        phones=(
            [
                {
                    "id": _derived_id(service, "phone"),
                    "service_id": str(service.pk),
                    "number": service.phone,
                }
            ]
            if service.phone
            else []
        ),
        contacts=[_contact_to_oruk(service, c) for c in service.contacts.all()],
        service_areas=[],
        funding=[],
    )
    return data


def page_of_services(queryset, page: int, per_page: int) -> dict:
    """One page of services in ORUK's paginated envelope, each in the list form."""
    per_page = max(int(per_page), 1)
    page = max(int(page), 1)
    total = queryset.count()
    start = (page - 1) * per_page
    # A page past the last is empty, without asking the database for an offset it cannot
    # hold (SQLite refuses one past 2**63).
    services = (
        list(queryset.select_related("organization")[start : start + per_page])
        if start < total
        else []
    )
    total_pages = math.ceil(total / per_page)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(services),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not services,
        "contents": [service_to_oruk(service, full=False) for service in services],
    }
