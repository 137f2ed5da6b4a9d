#include "bad_state_blobs.h"

#include <random>

namespace vstkit::host::conformance {

std::vector<Blob> badBlobs(const Bytes& otherState) {
    std::vector<Blob> blobs;
    blobs.push_back({"an empty state", {}, false});
    const auto cut = [&](std::size_t size) {
        blobs.push_back({"a valid state cut to " + std::to_string(size) + " of " +
                             std::to_string(otherState.size()) + " bytes",
                         Bytes(otherState.begin(), otherState.begin() + static_cast<long>(size)),
                         true});
    };
    if (otherState.size() >= 2) {
        cut(1);
        cut(otherState.size() / 2);
        cut(otherState.size() - 1);
    }
    std::mt19937 random{99};
    const auto noise = [&](std::size_t size) {
        Bytes bytes(size);
        for (auto& byte : bytes) {
            byte = static_cast<std::uint8_t>(random());
        }
        return bytes;
    };
    for (const std::size_t size : {std::size_t{7}, std::size_t{64}, std::size_t{4096}}) {
        blobs.push_back({std::to_string(size) + " random bytes", noise(size), false});
    }
    // A valid state's start followed by garbage: a parser that trusts a
    // length field reads far past the blob.
    Bytes tailed = otherState;
    const Bytes garbage = noise(1024);
    tailed.insert(tailed.end(), garbage.begin(), garbage.end());
    blobs.push_back({"a valid state followed by 1024 random bytes", tailed, true});
    blobs.push_back({"16 MiB of random bytes", noise(std::size_t{16} << 20), false});
    return blobs;
}

}  // namespace vstkit::host::conformance
