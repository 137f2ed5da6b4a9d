#pragma once

#include <cstddef>
#include <vector>

namespace vstkit::host {

/// Separate input and output buffers for a plugin's main ports, one block
/// long, with the channel pointers ClapInstance::process takes.
struct ClapBuffers {
    ClapBuffers(std::size_t inputCount, std::size_t outputCount, std::size_t frames)
        : inputs(inputCount, std::vector<float>(frames)),
          outputs(outputCount, std::vector<float>(frames)) {
        for (auto& channel : inputs) {
            inputPointers.push_back(channel.data());
        }
        for (auto& channel : outputs) {
            outputPointers.push_back(channel.data());
        }
    }

    std::vector<std::vector<float>> inputs;
    std::vector<std::vector<float>> outputs;
    std::vector<float*> inputPointers;
    std::vector<float*> outputPointers;
};

}  // namespace vstkit::host
