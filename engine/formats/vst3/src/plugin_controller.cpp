#include "plugin_controller.h"

#include <cstring>

#include "editor_view.h"
#include "protocol_parameter.h"
#include "shared_parameters_message.h"
#include "state_loading.h"
#include "stream_io.h"
#include "vstkit/core/plugin_definition.h"
#include "vstkit/protocol/normalized.h"

namespace vstkit::formats::vst3 {

using namespace Steinberg;

FUnknown* PluginController::create(void* /*context*/) {
    return static_cast<Vst::IEditController*>(new PluginController);
}

tresult PLUGIN_API PluginController::initialize(FUnknown* context) {
    const tresult result = EditController::initialize(context);
    if (result != kResultOk) {
        return result;
    }
    const auto table = core::pluginDefinition().parameters;
    rows_.assign(table.size(), nullptr);
    editing_.assign(table.size(), false);
    followed_.assign(table.size(), 0.0F);
    for (std::size_t row = 0; row < table.size(); ++row) {
        auto* parameter = new ProtocolParameter(table[row]);
        rows_[row] = parameter;
        parameters.addParameter(parameter);  // Takes ownership.
    }
    return kResultOk;
}

tresult PLUGIN_API PluginController::terminate() {
    shared_.reset();
    rows_.clear();
    editing_.clear();
    followed_.clear();
    return EditController::terminate();
}

tresult PLUGIN_API PluginController::setComponentState(IBStream* state) {
    try {
        const auto blob = readWholeStream(state, kMaxComponentStateBytes);
        if (!blob) {
            return kResultFalse;
        }
        const auto parsed = parseComponentState(core::pluginDefinition().parameters, *blob);
        if (!parsed.values) {
            return kResultFalse;
        }
        for (std::size_t row = 0; row < rows_.size(); ++row) {
            showPlain(row, (*parsed.values)[row]);
        }
        return kResultOk;
    } catch (...) {
        return kOutOfMemory;
    }
}

void PluginController::showPlain(std::size_t row, float plain) noexcept {
    if (row < rows_.size() && rows_[row] != nullptr) {
        rows_[row]->setNormalized(
            protocol::toNormalized(core::pluginDefinition().parameters[row], plain));
    }
}

// The controller keeps no state of its own: everything is in the component's.
tresult PLUGIN_API PluginController::setState(IBStream* /*state*/) {
    return kResultOk;
}

tresult PLUGIN_API PluginController::getState(IBStream* /*state*/) {
    return kResultOk;
}

tresult PLUGIN_API PluginController::notify(Vst::IMessage* message) {
    if (message != nullptr) {
        if (auto shared = readSharedParameters(*message)) {
            shared_ = std::move(shared);
            return kResultOk;
        }
    }
    return EditController::notify(message);
}

IPlugView* PLUGIN_API PluginController::createView(FIDString name) {
    if (name == nullptr || std::strcmp(name, Vst::ViewType::kEditor) != 0) {
        return nullptr;
    }
    return new EditorView(*this);
}

float PluginController::normalizedOf(std::size_t row) const noexcept {
    return row >= rows_.size() || rows_[row] == nullptr
               ? 0.0F
               : static_cast<float>(rows_[row]->getNormalized());
}

void PluginController::beginRowEdit(std::size_t row) {
    if (row < rows_.size() && rows_[row] != nullptr) {
        editing_[row] = true;
        beginEdit(rows_[row]->getInfo().id);
    }
}

void PluginController::performRowEdit(std::size_t row, float normalized) {
    if (row < rows_.size() && rows_[row] != nullptr) {
        const Vst::ParamID id = rows_[row]->getInfo().id;
        setParamNormalized(id, normalized);
        performEdit(id, rows_[row]->getNormalized());
    }
}

void PluginController::endRowEdit(std::size_t row) {
    if (row < rows_.size() && rows_[row] != nullptr) {
        editing_[row] = false;
        endEdit(rows_[row]->getInfo().id);
    }
}

void PluginController::followAudio() noexcept {
    if (!shared_) {
        return;
    }
    for (std::size_t row = 0; row < followed_.size(); ++row) {
        const float stored = shared_->values.plain(row);
        if (stored != followed_[row] && !editing_[row]) {
            followed_[row] = stored;
            showPlain(row, stored);
        }
    }
}

void PluginController::startFollowingAudio() noexcept {
    if (!shared_) {
        return;
    }
    for (std::size_t row = 0; row < followed_.size(); ++row) {
        followed_[row] = shared_->values.plain(row);
    }
}

}  // namespace vstkit::formats::vst3
