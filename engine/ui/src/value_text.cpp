#include "value_text.h"

#include "vstkit/protocol/normalized.h"

namespace vstkit::ui {

ValueText ValueText::ofPlain(const protocol::ParamSpec& spec, float plain) noexcept {
    ValueText text;
    text.length_ = protocol::formatValueInto(spec, plain, text.buffer_).size();
    return text;
}

ValueText ValueText::ofNormalized(const protocol::ParamSpec& spec, float normalized) noexcept {
    return ofPlain(spec, protocol::fromNormalized(spec, normalized));
}

}  // namespace vstkit::ui
