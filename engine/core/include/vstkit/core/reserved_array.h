#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>

namespace vstkit::core {

/// Room for `size` values of a trivial type, neither initialised nor
/// touched until written. The system makes a page resident only when it is
/// first written, so storage sized for the worst block (a thousand
/// automation points) costs a session of a thousand instances only the
/// pages their actual events reach. Read only what was written.
template <typename Value>
class ReservedArray final {
    static_assert(std::is_trivially_copyable_v<Value> && std::is_trivially_destructible_v<Value>,
                  "values are created by writing them: a trivial type only");
    static_assert(alignof(Value) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__,
                  "plain operator new gives only the default alignment");

  public:
    /// Host thread: allocates.
    explicit ReservedArray(std::size_t size)
        : values_(static_cast<Value*>(::operator new(size * sizeof(Value)))), size_(size) {}

    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] Value* data() noexcept { return values_.get(); }
    [[nodiscard]] const Value* data() const noexcept { return values_.get(); }
    [[nodiscard]] Value& operator[](std::size_t index) noexcept { return values_.get()[index]; }
    [[nodiscard]] const Value& operator[](std::size_t index) const noexcept {
        return values_.get()[index];
    }

  private:
    struct Release {
        void operator()(Value* values) const noexcept { ::operator delete(values); }
    };
    std::unique_ptr<Value, Release> values_;
    std::size_t size_;
};

}  // namespace vstkit::core
