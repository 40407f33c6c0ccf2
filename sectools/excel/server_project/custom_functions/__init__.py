# xlwings-server registers the names re-exported here.
from sectools.excel.functions import *  # noqa: F401,F403
