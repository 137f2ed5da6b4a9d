#include "protocol_parameter.h"

#include <array>

#include "vstkit/formats/vst3/param_ids.h"
#include "vstkit/protocol/normalized.h"
#include "vstkit/protocol/value_text.h"

namespace vstkit::formats::vst3 {

using namespace Steinberg;

namespace {

/// ASCII into a host's UTF-16 buffer; our names, units and values are ASCII.
void copyAscii(std::string_view text, Vst::TChar* out, std::size_t capacity) {
    const std::size_t length = std::min(text.size(), capacity - 1);
    for (std::size_t i = 0; i < length; ++i) {
        out[i] = static_cast<Vst::TChar>(static_cast<unsigned char>(text[i]));
    }
    out[length] = 0;
}

constexpr std::size_t kString128 = 128;

}  // namespace

ProtocolParameter::ProtocolParameter(const protocol::ParamSpec& spec) : spec_(spec) {
    info.id = paramIdOf(spec);
    copyAscii(spec.name, info.title, kString128);
    copyAscii(spec.name, info.shortTitle, kString128);
    copyAscii(spec.unit, info.units, kString128);
    info.stepCount = protocol::stepCount(spec);
    info.defaultNormalizedValue = protocol::toNormalized(spec, spec.defaultValue);
    info.unitId = Vst::kRootUnitId;
    info.flags = Vst::ParameterInfo::kCanAutomate;
    if (spec.role == protocol::ParamRole::Bypass) {
        info.flags |= Vst::ParameterInfo::kIsBypass;
    }
    if (spec.kind == protocol::ParamKind::Choice) {
        // Hosts offer the labels (toString of each step) as a list.
        info.flags |= Vst::ParameterInfo::kIsList;
    }
    precision = spec.kind == protocol::ParamKind::Continuous ? spec.displayDecimals : 0;
    valueNormalized = info.defaultNormalizedValue;
}

void ProtocolParameter::toString(Vst::ParamValue normalized, Vst::String128 text) const {
    std::array<char, protocol::kMaxValueTextLength> buffer{};
    const auto shown = protocol::formatValueInto(
        spec_, protocol::fromNormalized(spec_, static_cast<float>(normalized)), buffer);
    copyAscii(shown, text, kString128);
}

bool ProtocolParameter::fromString(const Vst::TChar* text, Vst::ParamValue& normalized) const {
    if (text == nullptr) {
        return false;
    }
    std::array<char, kString128> ascii{};
    std::size_t length = 0;
    for (const Vst::TChar* c = text; *c != 0; ++c) {
        if (*c > 0x7f || length == ascii.size()) {
            return false;  // No unit or number of ours needs more than ASCII.
        }
        ascii[length++] = static_cast<char>(*c);
    }
    const auto plain = protocol::parseValue(spec_, std::string_view{ascii.data(), length});
    if (!plain) {
        return false;
    }
    normalized = protocol::toNormalized(spec_, *plain);
    return true;
}

Vst::ParamValue ProtocolParameter::toPlain(Vst::ParamValue normalized) const {
    return protocol::fromNormalized(spec_, static_cast<float>(normalized));
}

Vst::ParamValue ProtocolParameter::toNormalized(Vst::ParamValue plain) const {
    return protocol::toNormalized(spec_, static_cast<float>(plain));
}

}  // namespace vstkit::formats::vst3
