/*
    Ringfence baseline definitions: files that disguise themselves with a second extension.
    Written for Ringfence. "invoice.pdf.exe" shows as "invoice.pdf" when Windows hides known
    extensions, a classic trick of e-mail and download lures.
*/
rule Ringfence_Double_Extension_Executable
{
    meta:
        description = "A program disguised as a document or picture by a double file extension"
        severity = "high"
    condition:
        uint16(0) == 0x5A4D and uint32(uint32(0x3C)) == 0x00004550 and
        filename matches /\.(pdf|docx?|xlsx?|pptx?|rtf|txt|jpe?g|png|gif|bmp|mp3|mp4|avi|zip|rar)[ _]*\.(exe|scr|com|pif|cpl)$/i
}

rule Ringfence_Double_Extension_Script
{
    meta:
        description = "A script disguised as a document or picture by a double file extension"
        severity = "high"
    condition:
        filesize < 2MB and
        filename matches /\.(pdf|docx?|xlsx?|pptx?|rtf|txt|jpe?g|png|gif|bmp|mp3|mp4|zip|rar)[ _]*\.(js|jse|vbs|vbe|wsf|wsh|hta|bat|cmd|ps1|lnk)$/i
}
