#pragma once

#include <array>
#include <atomic>
#include <cstddef>

#include "vstkit/protocol/params.h"
#include "vstkit/protocol/state.h"

namespace vstkit::core {

/// The plain value of every row of the parameter table, readable and
/// writable from any thread without locks. The audio thread writes what it
/// applied; the controller and the editor read it. Relaxed ordering: each
/// value stands alone and a display one block late is fine.
class ParameterStore final {
  public:
    ParameterStore() noexcept { assign(protocol::defaultValues()); }

    ParameterStore(const ParameterStore&) = delete;
    ParameterStore& operator=(const ParameterStore&) = delete;
    ParameterStore(ParameterStore&&) = delete;
    ParameterStore& operator=(ParameterStore&&) = delete;

    [[nodiscard]] float plain(std::size_t index) const noexcept {
        return values_[index].load(std::memory_order_relaxed);
    }
    void setPlain(std::size_t index, float plain) noexcept {
        values_[index].store(plain, std::memory_order_relaxed);
    }

    [[nodiscard]] protocol::ParamValues snapshot() const noexcept {
        protocol::ParamValues values{};
        for (std::size_t i = 0; i < values.size(); ++i) {
            values[i] = plain(i);
        }
        return values;
    }
    void assign(const protocol::ParamValues& values) noexcept {
        for (std::size_t i = 0; i < values.size(); ++i) {
            setPlain(i, values[i]);
        }
    }

  private:
    static_assert(std::atomic<float>::is_always_lock_free);
    std::array<std::atomic<float>, protocol::kParams.size()> values_{};
};

}  // namespace vstkit::core
