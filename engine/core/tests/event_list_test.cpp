#include "vstkit/core/event_list.h"

#include <gtest/gtest.h>

#include "test_plugin.h"

namespace vstkit::core {
namespace {

TEST(EventList, KeepsEventsSortedByOffsetAndStableWithinAnOffset) {
    EventList list{protocol::kMaxTableRows};
    list.add({40, 0, 1.0F}, false);
    list.add({10, 1, 2.0F}, false);
    list.add({40, 0, 3.0F}, true);
    list.add({0, 1, 4.0F}, true);
    const auto events = list.events();
    ASSERT_EQ(events.size(), 4U);
    EXPECT_EQ(events[0].value, 4.0F);
    EXPECT_EQ(events[1].value, 2.0F);
    EXPECT_EQ(events[2].value, 1.0F);
    EXPECT_EQ(events[3].value, 3.0F);  // Same offset: arrival order.
}

TEST(EventList, FinalPointsAlwaysFitWhenIntermediatePointsOverflow) {
    EventList list{protocol::kMaxTableRows};
    for (std::size_t i = 0; i < EventList::kIntermediateCapacity; ++i) {
        EXPECT_TRUE(list.add({static_cast<std::uint32_t>(i), 0, 0.0F}, false));
    }
    EXPECT_FALSE(list.add({5, 0, 0.0F}, false));
    // One final point for every row of the largest table the kit supports.
    for (std::size_t p = 0; p < protocol::kMaxTableRows; ++p) {
        EXPECT_TRUE(list.add({4096, static_cast<std::uint32_t>(p), 1.0F}, true));
    }
    EXPECT_EQ(list.size(), list.capacity());
    EXPECT_FALSE(list.add({4096, 0, 1.0F}, true));
    list.clear();
    EXPECT_TRUE(list.empty());
}

}  // namespace
}  // namespace vstkit::core
