#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "console.h"

namespace vstkit::formats::standalone {

/// Reports xruns as they are counted, on the main thread; the audio thread
/// only counts them. An overloaded machine can xrun every block: one line a
/// second at most.
class XrunReporter final {
  public:
    void report(std::uint64_t counted, const Console& console) {
        const auto now = std::chrono::steady_clock::now();
        if (counted == reported_ || now < nextReport_) {
            return;
        }
        const std::uint64_t fresh = counted - reported_;
        reported_ = counted;
        nextReport_ = now + std::chrono::seconds{1};
        console.warn((fresh == 1 ? std::string{"xrun"} : std::to_string(fresh) + " xruns") + " (" +
                     std::to_string(counted) + " so far)");
    }

  private:
    std::uint64_t reported_ = 0;
    std::chrono::steady_clock::time_point nextReport_{};
};

}  // namespace vstkit::formats::standalone
