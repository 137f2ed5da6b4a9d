#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "vstkit/protocol/param_spec.h"
#include "vstkit/protocol/value_text.h"

namespace vstkit::protocol {

/// Compile-time checks of a parameter table, for any plugin's table:
///
///     static_assert(isValidTable(kParameters));
///
/// or one static_assert per check, each with its own message. Every check is
/// true for an empty table.

namespace detail {

[[nodiscard]] consteval bool isFiniteValue(float value) {
    return value == value && value - value == 0.0F;
}

/// Whole and well inside float's exact integers (2^24).
[[nodiscard]] consteval bool isWholeValue(float value) {
    constexpr float kLimit = 16777216.0F;
    return isFiniteValue(value) && value > -kLimit && value < kLimit &&
           static_cast<float>(static_cast<long long>(value)) == value;
}

[[nodiscard]] consteval char lowerAscii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

[[nodiscard]] consteval bool sameIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lowerAscii(a[i]) != lowerAscii(b[i])) {
            return false;
        }
    }
    return true;
}

/// Shown by every format as text: printable ASCII that fits a value text.
[[nodiscard]] consteval bool isLabel(std::string_view label) {
    if (label.empty() || label.size() >= kMaxValueTextLength || label.front() == ' ' ||
        label.back() == ' ') {
        return false;
    }
    for (const char c : label) {
        if (c < ' ' || c > '~') {
            return false;
        }
    }
    return true;
}

}  // namespace detail

/// A table has at least one row and fits the kit's fixed-size storage.
[[nodiscard]] consteval bool sizeIsSupported(std::span<const ParamSpec> table) {
    return !table.empty() && table.size() <= kMaxTableRows;
}

[[nodiscard]] consteval bool stableIdsAreUnique(std::span<const ParamSpec> table) {
    for (std::size_t i = 0; i < table.size(); ++i) {
        for (std::size_t j = i + 1; j < table.size(); ++j) {
            if (table[i].stableId == table[j].stableId) {
                return false;
            }
        }
    }
    return true;
}

[[nodiscard]] consteval bool atMostOneBypassToggle(std::span<const ParamSpec> table) {
    std::size_t bypassRows = 0;
    for (const auto& param : table) {
        if (param.role == ParamRole::Bypass) {
            ++bypassRows;
            if (param.kind != ParamKind::Toggle) {
                return false;
            }
        }
    }
    return bypassRows <= 1;
}

/// Names and ids present, finite min < max, the default inside, 0..6 decimals.
[[nodiscard]] consteval bool rangesAreSane(std::span<const ParamSpec> table) {
    for (const auto& param : table) {
        if (!detail::isFiniteValue(param.minValue) || !detail::isFiniteValue(param.maxValue) ||
            !(param.minValue < param.maxValue) || !(param.defaultValue >= param.minValue) ||
            !(param.defaultValue <= param.maxValue) || param.stableId.empty() ||
            param.name.empty() || param.displayDecimals < 0 || param.displayDecimals > 6) {
            return false;
        }
    }
    return true;
}

/// A toggle's default is one of its two values.
[[nodiscard]] consteval bool togglesDefaultToAnEnd(std::span<const ParamSpec> table) {
    for (const auto& param : table) {
        if (param.kind == ParamKind::Toggle && param.defaultValue != param.minValue &&
            param.defaultValue != param.maxValue) {
            return false;
        }
    }
    return true;
}

/// Stepped rows and choices have whole-number ends and defaults.
[[nodiscard]] consteval bool steppedRangesAreWhole(std::span<const ParamSpec> table) {
    for (const auto& param : table) {
        if ((param.kind == ParamKind::Stepped || param.kind == ParamKind::Choice) &&
            (!detail::isWholeValue(param.minValue) || !detail::isWholeValue(param.maxValue) ||
             !detail::isWholeValue(param.defaultValue))) {
            return false;
        }
    }
    return true;
}

/// A choice has at least two labels, its range is 0 .. labels-1, and its
/// labels are distinct in any letter case (they are parsed that way). Only
/// choices have labels.
[[nodiscard]] consteval bool choicesMatchTheirRange(std::span<const ParamSpec> table) {
    for (const auto& param : table) {
        if (param.kind != ParamKind::Choice) {
            if (!param.choices.empty()) {
                return false;
            }
            continue;
        }
        const std::size_t count = param.choices.size();
        if (count < 2 || param.minValue != 0.0F ||
            param.maxValue != static_cast<float>(count - 1)) {
            return false;
        }
        for (std::size_t i = 0; i < count; ++i) {
            if (!detail::isLabel(param.choices[i])) {
                return false;
            }
            for (std::size_t j = i + 1; j < count; ++j) {
                if (detail::sameIgnoringCase(param.choices[i], param.choices[j])) {
                    return false;
                }
            }
        }
    }
    return true;
}

/// Only continuous rows have a mapping; a logarithmic one needs minValue > 0,
/// a skewed one a skewMidValue strictly inside the range and off its
/// arithmetic middle. Only skewed rows set skewMidValue.
[[nodiscard]] consteval bool mappingsAreValid(std::span<const ParamSpec> table) {
    for (const auto& param : table) {
        const bool skewed = param.mapping == ParamMapping::Skewed;
        if (!skewed && param.skewMidValue != 0.0F) {
            return false;
        }
        if (param.mapping == ParamMapping::Linear) {
            continue;
        }
        if (param.kind != ParamKind::Continuous) {
            return false;
        }
        if (param.mapping == ParamMapping::Logarithmic && !(param.minValue > 0.0F)) {
            return false;
        }
        if (skewed) {
            const float mid = param.skewMidValue;
            const double middle = (static_cast<double>(param.minValue) + param.maxValue) / 2.0;
            if (!(mid > param.minValue) || !(mid < param.maxValue) ||
                static_cast<double>(mid) == middle) {
                return false;
            }
        }
    }
    return true;
}

/// Every check above.
[[nodiscard]] consteval bool isValidTable(std::span<const ParamSpec> table) {
    return sizeIsSupported(table) && stableIdsAreUnique(table) && atMostOneBypassToggle(table) &&
           rangesAreSane(table) && togglesDefaultToAnEnd(table) && steppedRangesAreWhole(table) &&
           choicesMatchTheirRange(table) && mappingsAreValid(table);
}

}  // namespace vstkit::protocol
