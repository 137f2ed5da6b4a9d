#pragma once

#include <string_view>

#include "vstkit/protocol/param_spec.h"

namespace vstkit::bridge {

/// A row's kind as the bridge names it to a page (schema: "kind").
[[nodiscard]] constexpr std::string_view kindName(protocol::ParamKind kind) noexcept {
    switch (kind) {
        case protocol::ParamKind::Toggle:
            return "toggle";
        case protocol::ParamKind::Stepped:
            return "stepped";
        case protocol::ParamKind::Choice:
            return "choice";
        case protocol::ParamKind::Continuous:
            break;
    }
    return "continuous";
}

}  // namespace vstkit::bridge
