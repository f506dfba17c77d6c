"""Who counts as staff when a request shows drafts, takes large uploads or opens the admin.

A staff account alone is not enough: its session must have passed the second factor. django-otp's
OTPMiddleware gives request.user ``is_verified()``; a user object without it (loaded outside a
request, or never through that middleware) has passed nothing.
"""


def is_verified_staff(user) -> bool:
    """Active staff whose session used its one-time code."""
    if user is None or not (user.is_active and user.is_staff):
        return False
    is_verified = getattr(user, "is_verified", None)
    return is_verified is not None and is_verified()


# The editors' groups: what each may do is defined in stadtregion.permissions, the town editors'
# narrowing in members.editors; lower layers (the review workflow) need only the names.
EDITOR_GROUP_NAME = "Redaktion"
TOWN_EDITOR_GROUP_NAME = "Kommunale Redaktion"
