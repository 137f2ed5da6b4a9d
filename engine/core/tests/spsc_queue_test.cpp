#include "vstkit/core/spsc_queue.h"

#include <gtest/gtest.h>

#include <thread>

namespace vstkit::core {
namespace {

TEST(SpscQueue, RefusesWhenFullAndKeepsOrder) {
    SpscQueue<int, 4> queue;
    for (int i = 0; i < 4; ++i) {
        EXPECT_TRUE(queue.push(i));
    }
    EXPECT_FALSE(queue.push(99));
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(queue.pop(), i);
    }
    EXPECT_EQ(queue.pop(), std::nullopt);
}

TEST(SpscQueue, EmptyUntilPushedAndAgainOncePopped) {
    SpscQueue<int, 4> queue;
    EXPECT_TRUE(queue.empty());
    EXPECT_TRUE(queue.push(7));
    EXPECT_FALSE(queue.empty());
    EXPECT_EQ(queue.pop(), 7);
    EXPECT_TRUE(queue.empty());
}

TEST(SpscQueue, TwoThreadsPassEveryItemInOrder) {
    constexpr int kItems = 200000;
    SpscQueue<int, 64> queue;
    std::thread producer{[&] {
        for (int i = 0; i < kItems;) {
            if (queue.push(i)) {
                ++i;
            }
        }
    }};
    int expected = 0;
    while (expected < kItems) {
        if (const auto item = queue.pop()) {
            ASSERT_EQ(*item, expected);
            ++expected;
        }
    }
    producer.join();
}

}  // namespace
}  // namespace vstkit::core
