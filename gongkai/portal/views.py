from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render


def home(request):
    if request.user.is_authenticated:
        return redirect("portal:workbench")
    return render(request, "portal/home.html")


@login_required
def workbench(request):
    """The landing page after login: what this user has to do, by role."""
    return render(request, "portal/workbench.html")
