"""Pages of the websites module; routes in ``gongkai/websites/urls.py``."""
from django.contrib import messages
from django.shortcuts import redirect

from gongkai.core.errors import ApplicationError


def act(request, action, success: str, *redirect_to):
    """Run a service, show its refusal or ``success``, and go back to ``redirect_to``."""
    try:
        action()
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect(*redirect_to)
