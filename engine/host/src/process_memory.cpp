#include "process_memory.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>

namespace vstkit::host {

long residentBytes() {
    std::ifstream statm{"/proc/self/statm"};
    long pages = 0;
    long resident = 0;
    statm >> pages >> resident;
    return resident * sysconf(_SC_PAGESIZE);
}

std::vector<std::string> mappedToolkitLibraries() {
    std::vector<std::string> found;
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        const auto slash = line.rfind('/');
        if (slash == std::string::npos) {
            continue;
        }
        const std::string file = line.substr(slash + 1);
        for (const char* library :
             {"libgtk-3.so", "libgdk-3.so", "libwebkit2gtk-", "libjavascriptcoregtk-"}) {
            if (file.starts_with(library) &&
                std::find(found.begin(), found.end(), file) == found.end()) {
                found.push_back(file);
            }
        }
    }
    return found;
}

}  // namespace vstkit::host
