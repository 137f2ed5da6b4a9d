#pragma once

#include <atomic>
#include <cstddef>
#include <optional>

#include "vstkit/core/reserved_array.h"

namespace vstkit::core {

/// A bounded single-producer, single-consumer queue: one thread pushes, one
/// other thread pops, neither ever blocks, locks or allocates. When full,
/// push() refuses the item and the producer decides what that means. Made
/// on the host thread (allocates); its slots become resident as they are used.
template <typename T, std::size_t Capacity>
class SpscQueue final {
    static_assert(Capacity >= 2 && (Capacity & (Capacity - 1)) == 0,
                  "Capacity must be a power of two");

  public:
    SpscQueue() = default;
    SpscQueue(const SpscQueue&) = delete;
    SpscQueue& operator=(const SpscQueue&) = delete;
    SpscQueue(SpscQueue&&) = delete;
    SpscQueue& operator=(SpscQueue&&) = delete;

    /// Producer thread only.
    bool push(const T& item) noexcept {
        const std::size_t tail = tail_.load(std::memory_order_relaxed);
        if (tail - head_.load(std::memory_order_acquire) == Capacity) {
            return false;
        }
        items_[tail & (Capacity - 1)] = item;
        tail_.store(tail + 1, std::memory_order_release);
        return true;
    }

    /// Consumer thread only: true when pop() would find nothing.
    [[nodiscard]] bool empty() const noexcept {
        return head_.load(std::memory_order_relaxed) == tail_.load(std::memory_order_acquire);
    }

    /// Consumer thread only.
    [[nodiscard]] std::optional<T> pop() noexcept {
        const std::size_t head = head_.load(std::memory_order_relaxed);
        if (head == tail_.load(std::memory_order_acquire)) {
            return std::nullopt;
        }
        T item = items_[head & (Capacity - 1)];
        head_.store(head + 1, std::memory_order_release);
        return item;
    }

  private:
    // Separate cache lines: the two threads each write one index.
    alignas(64) std::atomic<std::size_t> head_{0};
    alignas(64) std::atomic<std::size_t> tail_{0};
    ReservedArray<T> items_{Capacity};
};

}  // namespace vstkit::core
