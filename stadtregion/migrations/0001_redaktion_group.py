"""Creates the "Redaktion" group with the permissions defined in stadtregion.permissions.

post_migrate keeps the group in sync afterwards (models added later, removed models).
"""

from django.db import migrations

from stadtregion.permissions import sync_editor_group


def create_editor_group(apps, schema_editor):
    sync_editor_group(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("members", "0001_initial"),
        ("projects", "0001_initial"),
        ("governance", "0001_initial"),
        ("pages", "0001_initial"),
        ("accessibility", "0001_initial"),
    ]

    # Reversing keeps the group: it may have members, and post_migrate recreates it anyway.
    operations = [migrations.RunPython(create_editor_group, migrations.RunPython.noop)]
