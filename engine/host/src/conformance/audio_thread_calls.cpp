#include "audio_thread_calls.h"

#include "vstkit/rtcheck/realtime_scope.h"

namespace vstkit::host::conformance {

AudioThreadCalls AudioThreadCalls::counted() {
    using rtcheck::Category;
    return {rtcheck::countOf(Category::Allocation), rtcheck::countOf(Category::Free),
            rtcheck::countOf(Category::Lock), rtcheck::countOf(Category::Blocking),
            rtcheck::countOf(Category::Io)};
}

std::string AudioThreadCalls::text() const {
    return std::to_string(allocations) + " allocations, " + std::to_string(frees) + " frees, " +
           std::to_string(locks) + " locks, " + std::to_string(blocking) +
           " blocking waits or sleeps, " + std::to_string(io) + " reads or writes";
}

std::string AudioThreadCalls::faults(const std::string& entry, const std::string& where) const {
    std::string found;
    const auto add = [&](std::uint64_t count, const std::string& fault) {
        if (count > 0) {
            found += found.empty() ? "" : "; ";
            found += fault;
            found += where;
        }
    };
    add(allocations + frees, "allocates in " + entry + ": " + std::to_string(allocations) +
                                 " allocations and " + std::to_string(frees) + " frees");
    add(locks, "locks in " + entry + ": " + std::to_string(locks) + " locks");
    add(blocking,
        "waits or sleeps in " + entry + ": " + std::to_string(blocking) + " waits or sleeps");
    add(io, "does I/O in " + entry + ": " + std::to_string(io) + " reads or writes");
    return found;
}

}  // namespace vstkit::host::conformance
