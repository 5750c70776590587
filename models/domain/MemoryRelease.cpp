#include "MemoryRelease.h"

#include <cstdlib> // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <mutex>

void MemoryRelease::keepLargeBuffersOutOfTheHeap()
{
#if defined(__GLIBC__)
    static std::once_flag once;
    // A fixed threshold also turns off glibc's raising of it.
    std::call_once(once, [] { mallopt(M_MMAP_THRESHOLD, 1 << 20); });
#endif
}

void MemoryRelease::releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}
