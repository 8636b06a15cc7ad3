/*
    Ringfence baseline definitions: scripts that download a file and run it.
    Written for Ringfence. Script droppers (JScript/VBScript/PowerShell attachments and
    downloads) fetch the real payload from the web, save it and start it.
*/

// Rules quote the very strings they look for: YARA rules, as source (Ringfence's own or anyone's) or
// compiled, are never reported by the rules in this file. The trade-off: a script that also holds a
// rule header and a condition section is not judged by these rules.
global private rule Ringfence_Not_Yara_Rules
{
    strings:
        $rule = /rule[ \t]+[A-Za-z_][A-Za-z0-9_]{0,127}[ \t\r\n]{0,16}(:[ \tA-Za-z0-9_]{1,256})?\{/
        $condition = /condition[ \t]{0,16}:/
    condition:
        uint32be(0) != 0x59415241 and  // "YARA": compiled rules
        not ($rule and $condition and @condition[#condition] > @rule[1])
}

// Installer scripts download an installer and run it too (Playwright's reinstall_chrome_stable_win.ps1,
// signed by Microsoft, is one). A script that carries an Authenticode signature block is left to
// Windows' own signature check: a signed script names who published it, a dropper rarely does.
rule Ringfence_Script_Downloader_Executor
{
    meta:
        description = "A script that downloads a program from the internet, saves it and runs it"
        severity = "high"
        // Suspicious, not a threat: unsigned vendor installer scripts do exactly this (Playwright's
        // reinstall_chrome_stable_win.ps1 in its 1.63 wheel), so the user decides, nothing is moved.
        rf_category = "suspicious"
    strings:
        $dl1 = "MSXML2.XMLHTTP" nocase
        $dl2 = "MSXML2.ServerXMLHTTP" nocase
        $dl3 = "WinHttp.WinHttpRequest" nocase
        $dl4 = "Net.WebClient" nocase
        $dl5 = "DownloadFile(" nocase
        $dl6 = "Invoke-WebRequest" nocase
        $dl7 = "Start-BitsTransfer" nocase
        $save1 = "ADODB.Stream" nocase
        $save2 = "SaveToFile" nocase
        $save3 = "-OutFile" nocase
        $save4 = "DownloadFile(" nocase
        $run1 = "WScript.Shell" nocase
        $run2 = "Shell.Application" nocase
        $run3 = "ShellExecute" nocase
        $run4 = "Start-Process" nocase
        $run5 = ".Run(" nocase
        $run6 = "Invoke-Item" nocase
        $signed_ps = /# SIG # Begin signature block\r?\n# MII/
        $signed_vb = /'' SIG '' Begin signature block\r?\n'' SIG '' MII/
        $signed_js = /\/\/ SIG \/\/ Begin signature block\r?\n\/\/ SIG \/\/ MII/
    condition:
        filesize < 1MB and uint16(0) != 0x5A4D and
        any of ($dl*) and any of ($save*) and any of ($run*) and not any of ($signed*)
}

rule Ringfence_Hidden_Encoded_PowerShell
{
    meta:
        description = "A launcher that starts PowerShell hidden with an encoded command"
        severity = "high"
    strings:
        $ps = "powershell" nocase wide ascii
        $enc = /\s-(e|ec|en|enc|enco|encod|encode|encoded|encodedc|encodedco|encodedcom|encodedcomm|encodedcomma|encodedcomman|encodedcommand)\s+[A-Za-z0-9+\/=]{40,}/ nocase wide ascii
        $hid = /\s-(w|wi|win|wind|windo|window|windows|windowst|windowsty|windowstyl|windowstyle)\s+(hidden|1)\b/ nocase wide ascii
    condition:
        filesize < 2MB and $ps and $enc and $hid
}
