/* A stand-in for Windows' bcryptprimitives.dll, for the Wine tests only.
 *
 * Rust's std (1.78 and later) takes its random numbers from ProcessPrng in
 * bcryptprimitives.dll, which every Windows 10 and 11 ships but Wine 8 does
 * not. This DLL gives Wine that one function, filled by advapi32's
 * SystemFunction036 (RtlGenRandom), which Wine has. scripts/wine-tests.sh
 * builds it with mingw and puts it next to the test binary. It is never
 * part of a release: real Windows has the real DLL. */
#include <windows.h>

typedef BOOLEAN (WINAPI *gen_random_fn)(PVOID, ULONG);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    static gen_random_fn gen_random;
    if (!gen_random) {
        HMODULE advapi = LoadLibraryA("advapi32.dll");
        if (!advapi)
            return FALSE;
        gen_random = (gen_random_fn)GetProcAddress(advapi, "SystemFunction036");
        if (!gen_random)
            return FALSE;
    }
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!gen_random(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
