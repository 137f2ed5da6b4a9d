#include "toolkit_isolation.h"

#include "process_memory.h"

namespace vstkit::host::conformance {

std::string checkNoToolkitInHost(FaultList& faults) {
    const auto toolkits = mappedToolkitLibraries();
    if (toolkits.empty()) {
        return "no GTK or WebKit in the host's process";
    }
    std::string names;
    for (const auto& name : toolkits) {
        names += (names.empty() ? "" : ", ") + name;
    }
    faults.add("the editor loaded " + names +
               " into the host's process: GTK 3 breaks GTK 2 and Qt hosts; run it in a helper "
               "process");
    return "GTK or WebKit in the host's process";
}

}  // namespace vstkit::host::conformance
