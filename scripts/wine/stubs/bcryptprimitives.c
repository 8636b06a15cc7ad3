/* bcryptprimitives.dll for Wine: every Rust >= 1.78 program on Windows (cryptography's _rust.pyd among
 * them) imports ProcessPrng from bcryptprimitives.dll, which Wine 8.0 does not ship, so
 * "import cryptography" fails with "DLL load failed". This one forwards to BCryptGenRandom with the
 * system-preferred RNG, which is what the real ProcessPrng provides. Used only for the Wine test job. */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
