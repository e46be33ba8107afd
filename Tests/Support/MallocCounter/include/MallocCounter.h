// Counts heap allocations made by the calling thread, for the tests that prove hot paths
// allocate nothing. The test binary's malloc family forwards to glibc's and counts while
// counting is on for the thread.
#pragma once

/// Starts counting this thread's allocations from zero.
void malloc_counter_start(void);
/// Stops counting and returns how many allocations this thread made since the start.
long long malloc_counter_stop(void);
