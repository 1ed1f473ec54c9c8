"""Pages of the websites module; routes in ``gongkai/websites/urls.py``."""
