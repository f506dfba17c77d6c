"""A save that changes no tracked field writes no history entry (django-simple-history),
whoever saves: the admin, an action or the seed command. Changes of many-to-many fields still
get one, from simple-history's m2m_changed handler."""

# The timestamps change on every save and have a column of their own (the entry's date).
UNLISTED_FIELDS = frozenset({"created_at", "updated_at"})


def _values_differ(instance, record, fields) -> bool:
    for field in fields:
        if field.name in UNLISTED_FIELDS:
            continue
        try:
            old = field.get_prep_value(getattr(record, field.attname))
            new = field.get_prep_value(getattr(instance, field.attname))
        except (AttributeError, TypeError, ValueError):
            return True
        if old != new:
            return True
    return False


_SKIPPED = "_history_skipped_unchanged"


def unchanged_since_last_entry(instance) -> bool:
    """Whether saving ``instance`` would write what its newest history entry already holds."""
    opts = instance._meta
    manager_name = getattr(opts, "simple_history_manager_attribute", None)
    if not manager_name or instance._state.adding or instance.pk is None:
        return False
    if instance.__dict__.get("_history_force"):  # its inline rows changed (editorial)
        return False
    latest = getattr(instance, manager_name).first()  # the newest entry of this object
    if latest is None or latest.history_type == "-":
        return False
    fields = [f for f in opts.concrete_fields if hasattr(latest, f.attname)]
    return not _values_differ(instance, latest, fields)


def skip_unchanged_history(sender, instance, raw=False, **kwargs) -> None:
    """pre_save: no history entry when the instance equals its latest entry (see above).

    TimestampedModel.save asks the same question first, to keep updated_at as well."""
    if raw or hasattr(instance, "skip_history_when_saving"):
        return  # the caller decided already (save_without_historical_record)
    unchanged = instance.__dict__.get("_history_unchanged")  # TimestampedModel.save asked
    if unchanged is None:
        unchanged = unchanged_since_last_entry(instance)
    if unchanged:
        instance.skip_history_when_saving = True
        setattr(instance, _SKIPPED, True)


def end_skip(sender, instance, **kwargs) -> None:
    """post_save (after simple-history's handler): later saves are judged afresh."""
    if instance.__dict__.pop(_SKIPPED, False):
        del instance.skip_history_when_saving
