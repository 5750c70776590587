#pragma once

/**
 * Keeps the resident size of a long sync at what it uses rather than what it once used. A sync
 * moves many buffers of a few megabytes (pages of Pendo's answers, their decoded columns, a day's
 * rows) between threads. glibc's allocator raises its mmap threshold to the largest buffer freed so
 * far, after which such buffers come from per-thread arenas that fragment and are not given back:
 * measured, a 30-day backfill of 2,000 accounts then peaks at 330–420 MB instead of about 230 MB.
 * Elsewhere these are no-ops.
 */
namespace MemoryRelease {
/** Serves buffers of 1 MiB and more straight from the system, so freeing one gives it back (once per process). */
void keepLargeBuffersOutOfTheHeap();
/** Hands freed memory back to the system; called between the phases of a run. */
void releaseFreedMemory();
} // namespace MemoryRelease
