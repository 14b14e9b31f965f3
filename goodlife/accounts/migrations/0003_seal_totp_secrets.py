"""Seal the secrets of authenticator apps set up before they were encrypted at rest."""

import binascii

from django.db import migrations

from goodlife.accounts import totp_keys


def seal(apps, schema_editor):
    devices = apps.get_model("otp_totp", "TOTPDevice")
    for device in devices.objects.all().iterator():
        if not totp_keys.is_sealed(device.key):
            sealed = totp_keys.seal_hex(device.key, user_id=device.user_id)
            devices.objects.filter(pk=device.pk).update(key=sealed)


def unseal(apps, schema_editor):
    devices = apps.get_model("otp_totp", "TOTPDevice")
    for device in devices.objects.all().iterator():
        if totp_keys.is_sealed(device.key):
            secret = totp_keys.open_sealed(device.key, user_id=device.user_id)
            plain = binascii.hexlify(secret).decode()
            devices.objects.filter(pk=device.pk).update(key=plain)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_sessions_and_two_factor"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(seal, unseal)]
