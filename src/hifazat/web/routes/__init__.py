"""The Safety Centre's routers, one per part of the site."""
