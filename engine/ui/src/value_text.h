#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "vstkit/protocol/param_spec.h"
#include "vstkit/protocol/value_text.h"

namespace vstkit::ui {

/// A value as the protocol shows it ("-6.0 dB", "On"), formatted without allocating.
class ValueText final {
  public:
    [[nodiscard]] static ValueText ofPlain(const protocol::ParamSpec& spec, float plain) noexcept;
    [[nodiscard]] static ValueText ofNormalized(const protocol::ParamSpec& spec,
                                                float normalized) noexcept;

    [[nodiscard]] std::string_view view() const noexcept { return {buffer_.data(), length_}; }
    [[nodiscard]] const char* begin() const noexcept { return buffer_.data(); }
    [[nodiscard]] const char* end() const noexcept { return buffer_.data() + length_; }

  private:
    ValueText() = default;

    std::array<char, protocol::kMaxValueTextLength> buffer_{};
    std::size_t length_ = 0;
};

}  // namespace vstkit::ui
