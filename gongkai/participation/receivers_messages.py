"""Signal receivers of the leader messages (connected when the models load)."""
from django.dispatch import receiver

from gongkai.publishing.events import publication_changed
from gongkai.workdays.signals import calendar_changed


@receiver(calendar_changed, dispatch_uid="participation.messages.recompute_due_dates")
def recompute_message_due_dates(sender, years=None, **kwargs) -> None:
    """A year of the calendar changed: open messages get their new due dates."""
    from gongkai.participation.services.messages import open_messages_recompute_due

    open_messages_recompute_due(years=years)


# The message follows its reply's review: publishing announces, after commit, who
# published, returned or withdrew which content; it knows nothing of messages.
@receiver(publication_changed, dispatch_uid="participation.messages.follow_review")
def follow_reply_review(sender, obj, event, actor=None, **kwargs) -> None:
    from gongkai.participation.models import MessageReply
    from gongkai.participation.services.messages import message_review_settled

    if sender is not MessageReply:
        return
    message_review_settled(reply=MessageReply.objects.get(pk=obj.pk), actor=actor)
