#ifndef GOFAST_CSQLITECONFIG_H
#define GOFAST_CSQLITECONFIG_H

/// Turns off SQLite's memory statistics (`SQLITE_CONFIG_MEMSTATUS`) for the process; returns SQLite's result code.
///
/// `sqlite3_config` is variadic, which Swift cannot call; this is its one use here. With the statistics on, every
/// allocation SQLite makes takes a global mutex to count itself: ~30 allocations an inserted row, 7 % of the store's
/// writer thread in a 5,000-activity sync. Nothing in gofast reads those statistics. It takes effect only before
/// SQLite initialises (the first connection opened in the process), and answers `SQLITE_MISUSE` after.
int gofast_sqlite3_disable_memory_statistics(void);

#endif
