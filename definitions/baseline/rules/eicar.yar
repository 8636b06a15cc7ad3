/*
    Ringfence baseline definitions: the EICAR anti-virus test file.
    Written for Ringfence. The EICAR string lets anyone check that scanning works.
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

rule EICAR_Test_File
{
    meta:
        description = "The EICAR anti-virus test file (harmless, used to check that protection works)"
        severity = "test"
    strings:
        $eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
    condition:
        $eicar
}
