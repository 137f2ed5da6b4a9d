#include "editor_parameters.h"
#include "vstkit/core/plugin_definition.h"

#include "vstkit/protocol/normalized.h"

namespace vstkit::formats::standalone {

EditorParameters::EditorParameters(EditQueue& edits, const protocol::ParamValues& values,
                                   core::OutputMeters* meters) noexcept
    : edits_(edits), values_(values), meters_(meters) {}

std::size_t EditorParameters::meterChannels() const noexcept {
    return meters_ != nullptr ? meters_->channelCount() : 0;
}

core::MeterReading EditorParameters::meterReading(std::size_t channel) const noexcept {
    return meters_ != nullptr ? meters_->read(channel) : core::MeterReading{};
}

void EditorParameters::listenToMeters(bool listening) noexcept {
    if (meters_ == nullptr || listening == listening_) {
        return;
    }
    listening_ = listening;
    if (listening) {
        meters_->listen();
    } else {
        meters_->unlisten();
    }
}

float EditorParameters::normalizedValue(std::size_t index) const noexcept {
    return protocol::toNormalized(core::pluginDefinition().parameters[index], values_[index]);
}

void EditorParameters::beginEdit(std::size_t /*index*/) {}

void EditorParameters::performEdit(std::size_t index, float normalized) {
    if (index >= values_.size()) {
        return;
    }
    values_[index] =
        protocol::fromNormalized(core::pluginDefinition().parameters[index], normalized);
    send(index);
}

void EditorParameters::endEdit(std::size_t /*index*/) {}

void EditorParameters::onTimer() noexcept {
    for (std::size_t index = 0; index < unsent_.size(); ++index) {
        if (unsent_[index]) {
            send(index);
        }
    }
}

void EditorParameters::send(std::size_t index) noexcept {
    // A full queue keeps only the latest value per row, sent at the next timer.
    unsent_[index] = !edits_.push({static_cast<std::uint32_t>(index), values_[index]});
}

}  // namespace vstkit::formats::standalone
