#pragma once

#include <span>
#include <string_view>

namespace vstkit::host {

/// Each command takes the arguments after its name and returns the exit code.
/// Bad arguments and load failures throw HostError (one line, exit 2).
int runInfo(std::span<const std::string_view> arguments);
int runRender(std::span<const std::string_view> arguments);
int runConformance(std::span<const std::string_view> arguments);
int runModuleInfo(std::span<const std::string_view> arguments);
int runBench(std::span<const std::string_view> arguments);

}  // namespace vstkit::host
