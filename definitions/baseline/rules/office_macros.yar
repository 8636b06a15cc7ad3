/*
    Ringfence baseline definitions: Office documents whose macros run by themselves.
    Written for Ringfence. Legacy (OLE) documents and the vbaProject.bin inside OOXML files
    (.docm/.xlsm, scanned inside the zip) carry a VBA project; an auto-run entry point means
    the macro starts as soon as the document is opened and macros are enabled.
*/
rule Ringfence_Office_AutoRun_Macro
{
    meta:
        description = "An Office document with a macro that runs automatically when it is opened"
        severity = "medium"
    strings:
        $vba1 = "_VBA_PROJECT" wide ascii
        $vba2 = "VBA" wide
        $auto1 = "AutoOpen" nocase wide ascii
        $auto2 = "Auto_Open" nocase wide ascii
        $auto3 = "Document_Open" nocase wide ascii
        $auto4 = "Workbook_Open" nocase wide ascii
        $auto5 = "AutoExec" nocase wide ascii
        $auto6 = "Document_Close" nocase wide ascii
    condition:
        uint32be(0) == 0xD0CF11E0 and uint32be(4) == 0xA1B11AE1 and
        any of ($vba*) and any of ($auto*)
}
