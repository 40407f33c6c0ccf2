# xlwings-server registers the names re-exported here.
from sectools.excel.scripts import *  # noqa: F401,F403
