/*
    Ringfence baseline definitions: the EICAR anti-virus test file.
    Written for Ringfence. The EICAR string lets anyone check that scanning works.
*/
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
