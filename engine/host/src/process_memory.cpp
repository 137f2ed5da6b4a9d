#include "process_memory.h"

#include <unistd.h>

#include <fstream>

namespace vstkit::host {

long residentBytes() {
    std::ifstream statm{"/proc/self/statm"};
    long pages = 0;
    long resident = 0;
    statm >> pages >> resident;
    return resident * sysconf(_SC_PAGESIZE);
}

}  // namespace vstkit::host
