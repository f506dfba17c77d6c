import logging

from django.shortcuts import redirect
from django.views.generic import FormView

from .feedback import FeedbackForm, allow_submission, notify_staff

logger = logging.getLogger(__name__)


class FeedbackView(FormView):
    template_name = "accessibility/feedback_form.html"
    form_class = FeedbackForm

    def get_initial(self):
        # "Barriere melden" links pass the page the visitor came from.
        return {"page_url": self.request.GET.get("seite", "")[:500]}

    def form_valid(self, form):
        if not allow_submission(self.request):
            return self.render_to_response(
                self.get_context_data(form=form, rate_limited=True), status=429
            )
        feedback = form.save()
        try:
            notify_staff(feedback)
        except OSError:
            # The report is saved and shown in the admin even when the mail server is down.
            logger.exception("Could not notify staff about feedback %s", feedback.pk)
        return redirect("feedback_thanks")
