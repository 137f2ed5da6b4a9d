// The editor view's platform-free half; the window system's half is in
// editor_view_linux.cpp and editor_view_win32.cpp.
#include "editor_view.h"

#include <cstring>

#include "plugin_controller.h"
#include "vstkit/core/plugin_definition.h"

namespace vstkit::formats::vst3 {

using namespace Steinberg;

EditorView::EditorView(PluginController& controller)
    : controller_(controller),
      controllerReference_(&controller),
      editor_(core::pluginDefinition().parameters, *this, core::pluginDefinition().identity.name,
              core::pluginDefinition().webUi) {}

EditorView::~EditorView() {
    stopRunLoop();
    editor_.close();
}

tresult PLUGIN_API EditorView::removed() {
    stopRunLoop();
    editor_.close();
    return kResultOk;
}

tresult PLUGIN_API EditorView::getSize(ViewRect* size) {
    if (size == nullptr) {
        return kInvalidArgument;
    }
    *size = ViewRect{0, 0, editor_.currentWidth(), editor_.currentHeight()};
    return kResultOk;
}

tresult PLUGIN_API EditorView::onSize(ViewRect* newSize) {
    if (newSize == nullptr) {
        return kInvalidArgument;
    }
    // Hosts ask checkSizeConstraint first; a size below the minimum is refused.
    return editor_.resize(newSize->getWidth(), newSize->getHeight()) ? kResultOk : kResultFalse;
}

tresult PLUGIN_API EditorView::setFrame(IPlugFrame* frame) {
    frame_ = frame;
    return kResultOk;
}

tresult PLUGIN_API EditorView::checkSizeConstraint(ViewRect* rect) {
    if (rect == nullptr) {
        return kInvalidArgument;
    }
    int width = rect->getWidth();
    int height = rect->getHeight();
    editor_.constrain(width, height);
    *rect = ViewRect{rect->left, rect->top, rect->left + width, rect->top + height};
    return kResultOk;
}

tresult PLUGIN_API EditorView::setContentScaleFactor(ScaleFactor factor) {
    if (!(factor > 0.0F) || factor > 8.0F) {
        return kInvalidArgument;
    }
    editor_.setContentScale(factor);
    if (frame_ && editor_.isOpen()) {
        ViewRect size{0, 0, editor_.currentWidth(), editor_.currentHeight()};
        frame_->resizeView(this, &size);
    }
    return kResultOk;
}

float EditorView::normalizedValue(std::size_t index) const noexcept {
    return controller_.normalizedOf(index);
}

void EditorView::beginEdit(std::size_t index) {
    controller_.beginRowEdit(index);
}

void EditorView::performEdit(std::size_t index, float normalized) {
    controller_.performRowEdit(index, normalized);
}

void EditorView::endEdit(std::size_t index) {
    controller_.endRowEdit(index);
}

std::size_t EditorView::meterChannels() const noexcept {
    const auto* meters = controller_.meters();
    return meters != nullptr ? meters->channelCount() : 0;
}

core::MeterReading EditorView::meterReading(std::size_t channel) const noexcept {
    const auto* meters = controller_.meters();
    return meters != nullptr ? meters->read(channel) : core::MeterReading{};
}

void EditorView::listenToMeters(bool listening) noexcept {
    if (listening && listenedMeters_ == nullptr) {
        listenedMeters_ = controller_.meters();
        if (listenedMeters_ != nullptr) {
            listenedMeters_->listen();
        }
    } else if (!listening && listenedMeters_ != nullptr) {
        listenedMeters_->unlisten();
        listenedMeters_ = nullptr;
    }
}

void EditorView::followPlugin() noexcept {
    controller_.followAudio();
}

bool EditorView::requestResize(int width, int height) {
    editor_.constrain(width, height);
    if (!frame_) {
        return false;
    }
    ViewRect size{0, 0, width, height};
    // The host answers by calling onSize(), or refuses.
    return frame_->resizeView(this, &size) == kResultOk;
}

}  // namespace vstkit::formats::vst3
