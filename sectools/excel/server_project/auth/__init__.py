# sectools' own auth provider for xlwings-server (see custom/).
