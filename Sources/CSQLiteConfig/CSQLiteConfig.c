#include "CSQLiteConfig.h"

#include <sqlite3.h>

int gofast_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
