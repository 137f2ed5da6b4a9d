#include "restored_audio.h"

namespace vstkit::host::conformance {

std::string compareRestoredAudio(const RunOutput& first, const RunOutput& again,
                                 const RunOutput& restored, FaultList& faults) {
    // Compared only when the plugin renders alike twice: one with randomness
    // in it may not, and that is fine.
    if (firstDifference(first, again)) {
        return "audio not compared (renders differ run to run)";
    }
    if (const auto frame = firstDifference(first, restored)) {
        faults.add("the restored instance sounds different from the one saved: output frame " +
                   std::to_string(*frame) + " differs");
        return {};
    }
    return "the restored instance renders identical audio";
}

}  // namespace vstkit::host::conformance
