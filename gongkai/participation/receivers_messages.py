"""Signal receivers of the leader messages (connected when the models load)."""
from django.db.models.signals import post_save
from django.dispatch import receiver

from gongkai.workdays.signals import calendar_changed


@receiver(calendar_changed, dispatch_uid="participation.messages.recompute_due_dates")
def recompute_message_due_dates(sender, years=None, **kwargs) -> None:
    """A year of the calendar changed: open messages get their new due dates."""
    from gongkai.participation.services.messages import open_messages_recompute_due

    open_messages_recompute_due(years=years)


# The publishing review changes a reply's publication status through its own transition
# table and knows nothing of messages; the message follows here, in the same transaction
# as the decision, whichever page (the review desk, the admin, a script) made it.
@receiver(post_save, sender="participation.MessageReply",
          dispatch_uid="participation.messages.follow_review")
def follow_reply_review(sender, instance, update_fields=None, **kwargs) -> None:
    if not update_fields or "publication_status" not in update_fields:
        return
    from django.contrib.contenttypes.models import ContentType

    from gongkai.participation.services.messages import message_review_settled
    from gongkai.publishing.models import ReviewDecision

    # The decision row is written before the status moves: its reviewer is the actor.
    decision = (ReviewDecision.objects.filter(
        review__content_type=ContentType.objects.get_for_model(instance),
        review__object_id=instance.pk).select_related("reviewer").order_by("-at", "-id")
        .first())
    message_review_settled(reply=instance, actor=decision.reviewer if decision else None)
