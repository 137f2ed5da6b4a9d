#pragma once

#include <cstdint>

namespace vstkit::dsp {

/// Sets the FPU to flush denormals to zero for its lifetime and restores the
/// previous mode afterwards, so a decaying tail cannot make the CPU crawl.
/// Cheap enough to construct once per processed block.
class DenormalGuard final {
  public:
    DenormalGuard() noexcept;
    ~DenormalGuard();

    DenormalGuard(const DenormalGuard&) = delete;
    DenormalGuard& operator=(const DenormalGuard&) = delete;
    DenormalGuard(DenormalGuard&&) = delete;
    DenormalGuard& operator=(DenormalGuard&&) = delete;

  private:
    std::uint64_t savedMode_ = 0;
};

}  // namespace vstkit::dsp
