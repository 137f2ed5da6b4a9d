#pragma once

#include <cstdint>
#include <cstring>
#include <optional>

#include <lv2/core/lv2.h>
#include <lv2/options/options.h>

namespace vstkit::formats::lv2 {

/// The data of the host feature with this URI, or null when the host does
/// not offer it (the feature list may itself be null). Header-only: the
/// plugin and its editor are separate binaries.
[[nodiscard]] inline const void* findHostFeature(const LV2_Feature* const* features,
                                                 const char* uri) noexcept {
    for (auto* const* feature = features; feature != nullptr && *feature != nullptr; ++feature) {
        if ((*feature)->URI != nullptr && std::strcmp((*feature)->URI, uri) == 0) {
            return (*feature)->data;
        }
    }
    return nullptr;
}

template <typename Data>
[[nodiscard]] const Data* hostFeature(const LV2_Feature* const* features,
                                      const char* uri) noexcept {
    return static_cast<const Data*>(findHostFeature(features, uri));
}

/// An option from the host's options feature: the value of `key` when its
/// type is `type` and its size is the value's; nothing otherwise.
template <typename Value>
[[nodiscard]] std::optional<Value> hostOption(const LV2_Feature* const* features, std::uint32_t key,
                                              std::uint32_t type) noexcept {
    const auto* option = hostFeature<LV2_Options_Option>(features, LV2_OPTIONS__options);
    for (; key != 0 && option != nullptr && option->key != 0; ++option) {
        if (option->key == key && option->type == type && option->size == sizeof(Value) &&
            option->value != nullptr) {
            return *static_cast<const Value*>(option->value);
        }
    }
    return std::nullopt;
}

}  // namespace vstkit::formats::lv2
