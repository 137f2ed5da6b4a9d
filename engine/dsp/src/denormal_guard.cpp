#include "vstkit/dsp/denormal_guard.h"

#if defined(__SSE__) || defined(_M_X64) || defined(_M_IX86)
#include <xmmintrin.h>
#define VSTKIT_DENORMALS_SSE 1
#elif defined(__aarch64__)
#define VSTKIT_DENORMALS_AARCH64 1
#endif

namespace vstkit::dsp {
namespace {

#if VSTKIT_DENORMALS_SSE
constexpr std::uint64_t kFlushToZero = 0x8000;       // MXCSR.FTZ
constexpr std::uint64_t kDenormalsAreZero = 0x0040;  // MXCSR.DAZ

std::uint64_t readMode() noexcept {
    return _mm_getcsr();
}
void writeMode(std::uint64_t mode) noexcept {
    _mm_setcsr(static_cast<unsigned int>(mode));
}
std::uint64_t withFlushing(std::uint64_t mode) noexcept {
    return mode | kFlushToZero | kDenormalsAreZero;
}
#elif VSTKIT_DENORMALS_AARCH64
constexpr std::uint64_t kFlushToZero = std::uint64_t{1} << 24;  // FPCR.FZ

std::uint64_t readMode() noexcept {
    std::uint64_t mode = 0;
    asm volatile("mrs %0, fpcr" : "=r"(mode));
    return mode;
}
void writeMode(std::uint64_t mode) noexcept {
    asm volatile("msr fpcr, %0" : : "r"(mode));
}
std::uint64_t withFlushing(std::uint64_t mode) noexcept {
    return mode | kFlushToZero;
}
#else
std::uint64_t readMode() noexcept {
    return 0;
}
void writeMode(std::uint64_t) noexcept {}
std::uint64_t withFlushing(std::uint64_t mode) noexcept {
    return mode;
}
#endif

}  // namespace

DenormalGuard::DenormalGuard() noexcept : savedMode_(readMode()) {
    const std::uint64_t flushing = withFlushing(savedMode_);
    if (flushing != savedMode_) {
        writeMode(flushing);
    }
}

DenormalGuard::~DenormalGuard() {
    if (readMode() != savedMode_) {
        writeMode(savedMode_);
    }
}

}  // namespace vstkit::dsp
