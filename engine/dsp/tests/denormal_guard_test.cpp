#include "vstkit/dsp/denormal_guard.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace vstkit::dsp {
namespace {

float halve(float value) {
    volatile float factor = 0.5F;  // Keeps the multiply at run time.
    return value * factor;
}

#if defined(__SSE__) || defined(__aarch64__)
TEST(DenormalGuard, FlushesDenormalResultsOnlyWhileAlive) {
    const float smallestNormal = std::numeric_limits<float>::min();
    EXPECT_EQ(std::fpclassify(halve(smallestNormal)), FP_SUBNORMAL);
    {
        const DenormalGuard guard;
        EXPECT_EQ(halve(smallestNormal), 0.0F);
    }
    EXPECT_EQ(std::fpclassify(halve(smallestNormal)), FP_SUBNORMAL);
}
#endif

}  // namespace
}  // namespace vstkit::dsp
