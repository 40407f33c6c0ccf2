"""An xlwings-server project: XLWINGS_PROJECT_DIR points here (``sectools excel serve``)."""
