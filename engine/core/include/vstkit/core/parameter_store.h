#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <memory>
#include <span>

#include "vstkit/protocol/param_spec.h"
#include "vstkit/protocol/state.h"

namespace vstkit::core {

/// The plain value of every row of the plugin's parameter table, readable and
/// writable from any thread without locks. The audio thread writes what it
/// applied; the controller and the editor read it. Relaxed ordering: each
/// value stands alone and a display one block late is fine. The storage is
/// made once, for the table's rows, so nothing here allocates afterwards.
class ParameterStore final {
  public:
    /// Host thread: allocates.
    explicit ParameterStore(std::span<const protocol::ParamSpec> table)
        : size_(std::min(table.size(), protocol::kMaxTableRows)),
          values_(std::make_unique<std::atomic<float>[]>(size_)) {
        for (std::size_t i = 0; i < size_; ++i) {
            setPlain(i, table[i].defaultValue);
        }
    }

    ParameterStore(const ParameterStore&) = delete;
    ParameterStore& operator=(const ParameterStore&) = delete;
    ParameterStore(ParameterStore&&) = delete;
    ParameterStore& operator=(ParameterStore&&) = delete;

    [[nodiscard]] std::size_t size() const noexcept { return size_; }

    [[nodiscard]] float plain(std::size_t index) const noexcept {
        return values_[index].load(std::memory_order_relaxed);
    }
    void setPlain(std::size_t index, float plain) noexcept {
        values_[index].store(plain, std::memory_order_relaxed);
    }

    /// Every value, in table order (host thread: allocates).
    [[nodiscard]] protocol::ParamValues snapshot() const {
        protocol::ParamValues values(size_);
        for (std::size_t i = 0; i < size_; ++i) {
            values[i] = plain(i);
        }
        return values;
    }
    void assign(std::span<const float> values) noexcept {
        for (std::size_t i = 0; i < std::min(values.size(), size_); ++i) {
            setPlain(i, values[i]);
        }
    }

  private:
    static_assert(std::atomic<float>::is_always_lock_free);
    std::size_t size_;
    std::unique_ptr<std::atomic<float>[]> values_;
};

}  // namespace vstkit::core
