Attribute VB_Name = "sectools"
' sectools buttons for desktop Excel (xlwings RunPython).
' Import this module (VBA editor: File > Import File), then assign each Sub to a button.
' Needs the xlwings VBA module in the workbook (sectools excel quickstart makes such a workbook).

Sub SectoolsAttendance()
    RunPython "import sectools.excel.desktop as d; d.attendance()"
End Sub

Sub SectoolsCheck()
    RunPython "import sectools.excel.desktop as d; d.check()"
End Sub

Sub SectoolsSigninSheet()
    RunPython "import sectools.excel.desktop as d; d.signin_sheet()"
End Sub

Sub SectoolsRanking()
    RunPython "import sectools.excel.desktop as d; d.ranking()"
End Sub

Sub SectoolsKpi()
    RunPython "import sectools.excel.desktop as d; d.kpi()"
End Sub

Sub SectoolsSeals()
    RunPython "import sectools.excel.desktop as d; d.seals()"
End Sub

Sub SectoolsDocuments()
    RunPython "import sectools.excel.desktop as d; d.documents()"
End Sub

Sub SectoolsTasks()
    RunPython "import sectools.excel.desktop as d; d.tasks()"
End Sub

Sub SectoolsDiary()
    RunPython "import sectools.excel.desktop as d; d.diary()"
End Sub

Sub SectoolsFund()
    RunPython "import sectools.excel.desktop as d; d.fund()"
End Sub

Sub SectoolsSupplies()
    RunPython "import sectools.excel.desktop as d; d.supplies()"
End Sub

Sub SectoolsIntake()
    RunPython "import sectools.excel.desktop as d; d.intake()"
End Sub

Sub SectoolsArchive()
    RunPython "import sectools.excel.desktop as d; d.archive()"
End Sub
