"""Creates the "Kommunale Redaktion" group with the permissions defined in
stadtregion.permissions; post_migrate keeps it in sync afterwards, as the Redaktion's."""

from django.db import migrations

from stadtregion.permissions import sync_town_editor_group


def create_town_editor_group(apps, schema_editor):
    sync_town_editor_group(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("stadtregion", "0001_redaktion_group")]

    # Reversing keeps the group: it may have members, and post_migrate recreates it anyway.
    operations = [migrations.RunPython(create_town_editor_group, migrations.RunPython.noop)]
