class ApplicationError(Exception):
    """A request that is understood but not valid now (an illegal workflow move, a bad
    file). The message is shown to the user as is, so it is written in Chinese and
    goes through gettext. Permission failures raise ``PermissionDenied`` instead."""

    def __init__(self, message: str, *, details: dict | None = None):
        super().__init__(message)
        self.message = message
        self.details = details or {}
